/**
 * Public verification at the gateway: anyone with a record id and content hash gets the ledger's
 * verdict, asked with the gateway's own verifier identity, without a token.
 */
package org.creditbank.gateway.verification;
