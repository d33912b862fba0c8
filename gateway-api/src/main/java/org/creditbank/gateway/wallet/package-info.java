/**
 * Delivery of credentials into wallets. A learner opens a one-time, expiring <em>offer</em> for one
 * of their records ({@link org.creditbank.gateway.wallet.WalletOffers}); a wallet then collects it
 * by either of the two protocols wallets speak, and proves on the way that it holds a key, whose
 * DID becomes the credential's subject:
 * <ul>
 *   <li>OpenID for Verifiable Credential Issuance 1.0, pre-authorised code flow
 *       ({@link org.creditbank.gateway.wallet.Oid4vciIssuer}): EUDI-style wallets;</li>
 *   <li>a VC-API exchange with DID Authentication ({@link org.creditbank.gateway.wallet.VcApiExchanges}):
 *       the Digital Credentials Consortium's Learner Credential Wallet.</li>
 * </ul>
 * The ledger is not written: an offer is a promise to sign what the ledger already holds, so it
 * lives in this gateway's memory and dies with it (the learner opens another).
 */
package org.creditbank.gateway.wallet;
