package org.creditbank.gateway.auth;

/**
 * The authenticated caller of one request.
 *
 * @param tokenId  short public id of the token (for audit and revocation), never the secret
 * @param identity the Fabric identity (wallet entry) the gateway signs this caller's calls with
 * @param learner  the learner account a LEARNER token is bound to; null for staff
 */
public record Principal(String tokenId, TokenRole role, String identity, String learner, String label) {

    /**
     * The one access rule for learners, on every route: a learner token reads only what belongs
     * to its own account. Staff roles are limited by their routes and by the chaincode instead.
     * Whoever may not read a learner's record is told it is not there (404), not that it is
     * forbidden, which would confirm that the account or the record exists.
     */
    public boolean mayReadRecordsOf(String accountNo) {
        return role != TokenRole.LEARNER || learner.equals(accountNo);
    }
}
