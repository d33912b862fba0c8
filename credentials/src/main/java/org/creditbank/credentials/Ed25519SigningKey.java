package org.creditbank.credentials;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * The Ed25519 key an institution signs its {@code eddsa-rdfc-2022} proofs with. Unlike the P-256
 * key, no certificate vouches for it: its authority is its registration on the ledger by the
 * institution's admin ({@code signingkey:register}), which verifiers learn from the trust bundle.
 */
public record Ed25519SigningKey(PrivateKey privateKey, PublicKey publicKey) {

    public Ed25519SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        if (!Ed25519Keys.isPair(privateKey, publicKey)) {
            throw new CredentialException(CredentialException.Code.KEY,
                    "the Ed25519 private key does not belong to the public key", null);
        }
    }

    /** The {@code z6Mk...} form, as registered on the ledger. */
    public String publicKeyMultibase() {
        return Ed25519Keys.multikey(publicKey);
    }

    /** Never prints the private key. */
    @Override
    public String toString() {
        return "Ed25519SigningKey[" + publicKeyMultibase() + "]";
    }
}
