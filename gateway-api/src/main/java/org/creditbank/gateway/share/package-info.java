/**
 * A learner's shares: which of their records they disclose to whom, behind a short link
 * ({@code /s/{id}}) that a phone camera reads at once. Shares are this gateway's private data, never
 * on the ledger: the store holds the learner's choice and the credentials signed for it, and whoever
 * opens the link gets those credentials with the gateway's verdict on each, checked against the
 * ledger when the link is opened.
 */
package org.creditbank.gateway.share;
