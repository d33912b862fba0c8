/**
 * Learning outcomes (学习成果): the draft a registrar submits, the record on the ledger, its hashed
 * content, status and life cycle, and the rules shared by chaincode, gateway and credentials, such as
 * the batch size limit ({@link org.creditbank.model.outcome.OutcomeBatch}) and the one definition of
 * "in force on a day" ({@link org.creditbank.model.outcome.Validity}).
 */
package org.creditbank.model.outcome;
