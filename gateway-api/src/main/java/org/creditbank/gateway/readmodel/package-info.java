/**
 * The institution's off-chain read model as the gateway's analytics see it: the inputs of the
 * major-adjustment indicators and of a school's teacher-grade distribution
 * (docs/industry-education.md). Analytics run over it, never over chaincode range queries.
 */
package org.creditbank.gateway.readmodel;
