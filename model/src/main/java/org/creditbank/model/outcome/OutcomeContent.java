package org.creditbank.model.outcome;

/**
 * The exact object whose canonical JSON is hashed into an outcome's {@code contentHash}: the
 * record id, the issuing organisation and what the registrar submitted. Status and timestamps are
 * left out on purpose, so a suspension does not change the hash a student already holds.
 */
public record OutcomeContent(String id, String issuer, OutcomeDraft draft) {
}
