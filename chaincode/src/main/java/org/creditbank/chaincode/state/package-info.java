/**
 * The contracts' only access to world state, private data and events. One store per record type
 * ({@link org.creditbank.chaincode.state.InstitutionStore}, {@link org.creditbank.chaincode.state.AccountStore},
 * {@link org.creditbank.chaincode.state.PersonalDataStore}, {@link org.creditbank.chaincode.state.OutcomeStore},
 * {@link org.creditbank.chaincode.state.RuleStore}, {@link org.creditbank.chaincode.state.RecognitionStore},
 * {@link org.creditbank.chaincode.state.QualificationStore}), reached through the transaction's
 * {@link org.creditbank.chaincode.state.LedgerContext}; each builds the keys of its type and no
 * other class can ({@code Keys} and every key-taking method of the
 * {@link org.creditbank.chaincode.state.Ledger} are package-private). Below them the ledger writes
 * canonical JSON, collects a transaction's writes and flushes them once, in batched peer messages
 * or one per call ({@link org.creditbank.chaincode.state.StateMessages}). Kept apart from the
 * contracts so that the business code never touches the shim's stub or a key directly.
 */
package org.creditbank.chaincode.state;
