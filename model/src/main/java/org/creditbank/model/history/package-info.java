/**
 * The change history of a ledger record as clients read it: one entry per version, with the
 * transaction, the time, who changed it and which fields. Shared by the chaincode that builds it and
 * the gateway that returns it.
 */
package org.creditbank.model.history;
