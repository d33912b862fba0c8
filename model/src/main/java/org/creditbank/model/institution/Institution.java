package org.creditbank.model.institution;

/**
 * A member organisation of the credit bank as recorded on the ledger: its MSP id, its profile and
 * when it was first registered and last updated (transaction timestamps, ISO-8601 UTC).
 */
public record Institution(String mspId, InstitutionProfile profile, String registeredAt, String updatedAt) {
}
