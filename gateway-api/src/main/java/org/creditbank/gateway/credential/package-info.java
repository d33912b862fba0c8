/**
 * The gateway's credential use cases: signing credentials and transcripts for this institution's
 * records the caller may read, publishing its status lists and issuer document, loading its key
 * files, and verifying documents with the ledger at hand
 * ({@code LedgerBackedCredentialCheck}: the offline checks plus the ledger's verdict on each record).
 */
package org.creditbank.gateway.credential;
