package org.creditbank.chaincode.points;

import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.points.Redemption;
import org.creditbank.model.points.RedemptionStatus;
import org.creditbank.model.points.SpentPoints;

/**
 * When points may be redeemed: never more than the balance ({@code earned - spent}), checked when
 * the enterprise applies and again, authoritatively, when the AUTHORITY approves; only a PENDING
 * redemption is decided, and a decision is final. Pure.
 */
public final class RedemptionRules {

    private RedemptionRules() {
    }

    /** Refuses {@code points} when they exceed {@code balance}. */
    public static void requireAffordable(int points, int balance) {
        if (points > balance) {
            throw Refusal.of(ErrorCode.INSUFFICIENT_POINTS, "the redemption asks for " + points
                    + " points; the balance is " + balance);
        }
    }

    /** Refuses a decision on a redemption that is already decided. */
    public static void requirePending(Redemption redemption) {
        if (redemption.status() != RedemptionStatus.PENDING) {
            throw Refusal.of(ErrorCode.INVALID_STATUS_TRANSITION, "redemption " + redemption.id() + " is already "
                    + redemption.status() + "; a decision is final");
        }
    }

    /** The enterprise's spent points after approving {@code redemption}. */
    public static SpentPoints afterApproval(SpentPoints before, Redemption redemption, String at, String by) {
        return new SpentPoints(before.enterprise(), before.spent() + redemption.request().points(), redemption.id(), at, by);
    }
}
