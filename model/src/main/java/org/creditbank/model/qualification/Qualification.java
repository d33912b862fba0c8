package org.creditbank.model.qualification;

/** A qualification's requirements as published on the ledger by the awarding institution. */
public record Qualification(String owner, QualificationTerms terms, String publishedAt, String changedBy) {
}
