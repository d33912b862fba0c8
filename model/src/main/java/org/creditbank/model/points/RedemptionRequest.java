package org.creditbank.model.points;

import java.util.List;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;

/**
 * An enterprise's application to redeem {@code points} for a subsidy (积分兑换补贴), with its
 * purpose. {@code localId} is the enterprise's own number for it and makes the id, so a retried
 * application finds the one it made.
 */
public record RedemptionRequest(String localId, Integer points, String purpose) {

    public static final int MAX_POINTS = 10_000_000;

    public List<Violation> validate() {
        Violations v = new Violations();
        v.code(localId, "localId");
        v.check(points != null && points >= 1 && points <= MAX_POINTS, "points",
                "points must be from 1 to " + MAX_POINTS);
        v.paragraph(purpose, "purpose", 500, true);
        return v.list();
    }
}
