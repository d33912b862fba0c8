package org.creditbank.model.demand;

/** A version of a school's major on the ledger: who published it (a SCHOOL), when, and its terms. */
public record SchoolMajor(String school, MajorTerms terms, String publishedAt, String txId, String changedBy) {
}
