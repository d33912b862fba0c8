/**
 * The chaincode's entry point (a chaincode service with mutual TLS) and what every contract shares:
 * strict parsing of string arguments ({@link org.creditbank.chaincode.Contracts}) and refusals that
 * carry a stable error code ({@link org.creditbank.chaincode.Refusal}). The chaincode is the
 * enforcement point: every rule the gateway checks early is checked here again.
 */
package org.creditbank.chaincode;
