/**
 * Learner accounts (学习账户): the random, check-digited account number, the account as world state
 * holds it (no personal data) and the personal data an institution keeps in its own private data
 * collection. Shared so that the gateway draws numbers the chaincode accepts.
 */
package org.creditbank.model.learner;
