package org.creditbank.model.institution;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An Ed25519 key an institution's admin registered on the ledger for signing credentials
 * ({@code eddsa-rdfc-2022} proofs), as the {@code signingkey} contract keeps it. Its authority
 * comes from the consortium: only the organisation's admin registers or retires it, and the
 * ledger's transaction times say when it was in force, so a credential signed before the key was
 * retired keeps verifying.
 *
 * @param publicKeyMultibase the key, {@code z6Mk...} ({@link org.creditbank.model.key.Ed25519Multikey})
 * @param registeredAt       transaction time of the registration, ISO-8601 UTC
 * @param retiredAt          transaction time of the retirement; null while the key is in force
 */
public record SigningKey(String mspId, String publicKeyMultibase, String registeredAt, String retiredAt) {

    /**
     * Whether a proof created at {@code created} falls in {@code [registeredAt, retiredAt)}, to the
     * second: a proof's {@code created} is in whole seconds, so a credential signed in the second
     * the key was registered counts as signed after it. Throws {@link java.time.format.DateTimeParseException}
     * when a time is not ISO-8601.
     */
    public boolean inForceAt(Instant created) {
        return !created.isBefore(Instant.parse(registeredAt).truncatedTo(ChronoUnit.SECONDS))
                && (retiredAt == null || created.isBefore(Instant.parse(retiredAt)));
    }

    /** The same key, retired at {@code at}. */
    public SigningKey retire(String at) {
        return new SigningKey(mspId, publicKeyMultibase, registeredAt, at);
    }
}
