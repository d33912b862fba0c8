/**
 * Bearer tokens of one gateway and who they speak for: the token file (hashes only), the
 * authenticated {@link org.creditbank.gateway.auth.Principal} and the command that creates and revokes
 * tokens. Each token maps to a Fabric identity, so the ledger shows which person acted.
 */
package org.creditbank.gateway.auth;
