/**
 * The {@code qualification} contract (publish requirements, ask for a learner's progress) and the
 * pure {@link org.creditbank.chaincode.qualification.ProgressCalculation} that counts each credit once.
 */
package org.creditbank.chaincode.qualification;
