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
 * X.509 certificate chain its organisation CA issued for that key. The certificate is what a
 * verifier checks against its trust bundle; the DID is only a name.
 *
 * @param statusListBase https URL under which the issuer publishes its status lists;
 *                       {@code <base>/<list id>/revocation} and {@code <base>/<list id>/suspension}
 * @param certificateChain leaf (the signing key's certificate) first, up to but excluding the CA
 */
public record IssuerIdentity(String mspId, String name, String id, String statusListBase,
                             ECPrivateKey signingKey, List<X509Certificate> certificateChain) {

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
