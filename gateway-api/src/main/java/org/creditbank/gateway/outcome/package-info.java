/**
 * Registrars' work on learning outcomes at the gateway: issue one or a batch, read, history, status
 * changes. Input is checked with the model's rules first, so most mistakes get a 400 without a ledger
 * round trip; the chaincode still decides.
 */
package org.creditbank.gateway.outcome;
