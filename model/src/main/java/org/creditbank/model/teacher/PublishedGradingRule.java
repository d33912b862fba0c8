package org.creditbank.model.teacher;

/** A version of a school's grading rule on the ledger: the school, when, and the rule. */
public record PublishedGradingRule(String school, GradingRule rule, String publishedAt, String txId, String changedBy) {
}
