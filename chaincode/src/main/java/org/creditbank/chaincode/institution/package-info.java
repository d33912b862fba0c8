/**
 * The {@code institution} contract: each organisation registers and updates its own profile; and
 * the pure {@link org.creditbank.chaincode.institution.AwardingInstitution}, the rule by which only
 * schools and authorities publish rules and qualifications and recognise credit. Other contracts
 * read the caller's institution from {@link org.creditbank.chaincode.state.InstitutionStore}.
 */
package org.creditbank.chaincode.institution;
