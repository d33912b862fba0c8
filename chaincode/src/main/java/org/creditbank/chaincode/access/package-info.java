/**
 * Who is calling a transaction: organisation, audit identity and role, taken from the caller's
 * certificate and never from arguments. Every permission check of every contract goes through
 * {@link org.creditbank.chaincode.access.Caller}.
 */
package org.creditbank.chaincode.access;
