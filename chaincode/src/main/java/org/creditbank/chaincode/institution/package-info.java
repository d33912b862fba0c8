/**
 * The {@code institution} contract: each organisation registers and updates its own profile, and
 * other contracts look the caller's institution up here before they let it issue or recognise.
 */
package org.creditbank.chaincode.institution;
