package org.creditbank.gateway.auth;

/**
 * The authenticated caller of one request.
 *
 * @param tokenId  short public id of the token (for audit and revocation), never the secret
 * @param identity the Fabric identity (wallet entry) the gateway signs this caller's calls with
 * @param learner  the learner account a LEARNER token is bound to; null for staff
 */
public record Principal(String tokenId, Role role, String identity, String learner, String label) {
}
