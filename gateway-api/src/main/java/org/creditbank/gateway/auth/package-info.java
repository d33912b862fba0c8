/**
 * Bearer tokens of one gateway and who they speak for: the token file (hashes only), the
 * authenticated {@link org.creditbank.gateway.auth.Principal} with its
 * {@link org.creditbank.gateway.auth.TokenRole} (which routes it may use; not the chaincode's
 * certificate role) and the one access rule for learners, and the command that creates and revokes
 * tokens. Each token maps to a Fabric identity, so the ledger shows which person acted.
 */
package org.creditbank.gateway.auth;
