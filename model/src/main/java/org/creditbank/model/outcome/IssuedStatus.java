package org.creditbank.model.outcome;

/**
 * Where one outcome stands, without its content or learner: what an institution's gateway needs to
 * publish the status lists behind its credentials (see {@code outcome:issuedStatuses}).
 *
 * @param awardedAt transaction timestamp of the issuance (ISO-8601 UTC), the order status-list
 *                  positions are handed out in
 */
public record IssuedStatus(String id, String awardedAt, OutcomeStatus status) {
}
