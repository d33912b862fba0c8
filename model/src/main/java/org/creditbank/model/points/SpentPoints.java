package org.creditbank.model.points;

/**
 * The points an enterprise has spent: the sum of its approved redemptions. One record per
 * enterprise, read and written by every approval for that enterprise and by nothing else, so that
 * two approvals endorsed on the same state conflict (the second fails MVCC validation) instead of
 * both spending the same balance; accruals never touch it.
 */
public record SpentPoints(String enterprise, int spent, String lastRedemption, String changedAt, String changedBy) {
}
