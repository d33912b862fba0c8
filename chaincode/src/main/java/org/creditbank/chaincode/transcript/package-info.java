/**
 * The {@code transcript} contract: a learner's credit account across every institution in one query,
 * built by the pure {@link org.creditbank.chaincode.transcript.TranscriptAssembly} from the learner's own
 * index entries, so its cost grows with the learner's records, not the ledger.
 */
package org.creditbank.chaincode.transcript;
