/**
 * The contracts' only access to world state, private data and events: the
 * {@link org.creditbank.chaincode.state.Ledger} (canonical JSON in and out, writes collected and
 * flushed once per transaction), every key format ({@link org.creditbank.chaincode.state.Keys}) and the
 * batched peer messages behind them. Kept apart from the contracts so that the business code never
 * touches the shim's stub directly.
 */
package org.creditbank.chaincode.state;
