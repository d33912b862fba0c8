/**
 * The learner's credit account across every institution as the chaincode computes it: all outcomes
 * and recognitions with totals that count only what stands now. The gateway returns it and the
 * credentials module signs it as a transcript credential.
 */
package org.creditbank.model.transcript;
