/**
 * Teachers' digital-competence grades at the gateway (docs/industry-education.md): appointments and
 * grading rules, each a call to the {@code teacher} contract, one teacher's grade as the ledger
 * computes it, and a school's distribution of grades from the read model.
 */
package org.creditbank.gateway.teacher;
