package org.creditbank.credentials;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Who signs a credential: the institution (its Fabric MSP id and display name), the identifier
 * outsiders know it by (a {@code did:web} DID or an https URL), its P-256 signing key and the
 * X.509 certificate chain its organisation CA issued for that key, and its Ed25519 key (registered
 * on the ledger by the institution's admin). The certificate, and the registration, are what a
 * verifier checks against its trust bundle; the DID is only a name.
 *
 * @param statusListBase https URL under which the issuer publishes its status lists;
 *                       {@code <base>/<list id>/revocation} and {@code <base>/<list id>/suspension}
 * @param certificateChain leaf (the signing key's certificate) first, up to but excluding the CA
 * @param eddsaKey         the key of the {@code eddsa-rdfc-2022} proof; null for an issuer that signs
 *                         only {@code ecdsa-rdfc-2019} (as before proof sets)
 */
public record IssuerIdentity(String mspId, String name, String id, String statusListBase,
                             ECPrivateKey signingKey, List<X509Certificate> certificateChain,
                             Ed25519SigningKey eddsaKey) {

    /** An issuer that signs only with its certified P-256 key. */
    public IssuerIdentity(String mspId, String name, String id, String statusListBase, ECPrivateKey signingKey,
                          List<X509Certificate> certificateChain) {
        this(mspId, name, id, statusListBase, signingKey, certificateChain, null);
    }

    public IssuerIdentity {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statusListBase, "statusListBase");
        Objects.requireNonNull(signingKey, "signingKey");
        certificateChain = List.copyOf(certificateChain);
        if (certificateChain.isEmpty() || !(certificateChain.get(0).getPublicKey() instanceof ECPublicKey)) {
            throw new CredentialException(CredentialException.Code.KEY,
                    "the chain must start with the EC certificate of the signing key", null);
        }
        P256Keys.requireP256(signingKey);
        if (!P256Keys.isPair(signingKey, (ECPublicKey) certificateChain.get(0).getPublicKey())) {
            throw new CredentialException(CredentialException.Code.KEY,
                    "the signing key does not belong to the first certificate of the chain", null);
        }
    }

    /** The public key, taken from the leaf certificate. */
    public ECPublicKey publicKey() {
        return (ECPublicKey) certificateChain.get(0).getPublicKey();
    }

    /**
     * The verification method id, {@code <id>#key-<first 16 hex of the certificate's SHA-256>}:
     * a renewed certificate gets a new id, so old credentials still name the key that signed them.
     */
    public String verificationMethodId() {
        try {
            byte[] digest = DataIntegrityProof.sha256(certificateChain.get(0).getEncoded());
            return id + "#key-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (CertificateEncodingException e) {
            throw new CredentialException(CredentialException.Code.KEY, "cannot encode the issuer certificate", e);
        }
    }

    /**
     * The id of the Ed25519 verification method, {@code <id>#<publicKeyMultibase>}: it names the key
     * itself, so a rotated key has a new id and a verifier needs no document to know which key it is.
     * Null without an Ed25519 key.
     */
    public String eddsaVerificationMethodId() {
        return eddsaKey == null ? null : id + "#" + eddsaKey.publicKeyMultibase();
    }

    /** The same issuer signing only ecdsa-rdfc-2019 proofs (while its Ed25519 key is not registered on the ledger). */
    public IssuerIdentity withoutEddsaKey() {
        return new IssuerIdentity(mspId, name, id, statusListBase, signingKey, certificateChain, null);
    }

    /** The same issuer under another display name (the one registered on the ledger). */
    public IssuerIdentity withName(String registeredName) {
        return new IssuerIdentity(mspId, registeredName, id, statusListBase, signingKey, certificateChain, eddsaKey);
    }

    /**
     * The URL of status list {@code listId} for {@code purpose}. Each issuing transaction has its
     * own list (its id is the transaction id), so finding a credential's bit never needs more than
     * that transaction's records, however many the institution has issued.
     */
    public String statusListUrl(StatusPurpose purpose, String listId) {
        return statusListBase + "/" + listId + "/" + purpose.value();
    }

    /** Never prints the private key. */
    @Override
    public String toString() {
        return "IssuerIdentity[mspId=" + mspId + ", name=" + name + ", id=" + id + "]";
    }
}
