package org.creditbank.model.points;

import java.util.List;

/**
 * An enterprise's points: {@code balance = earned - spent}, where {@code earned} is the sum of the
 * lines' effective points and {@code spent} the sum of approved redemptions. Negative when a fact
 * behind points already spent was revoked: approved redemptions stay final, and the enterprise
 * redeems again only once new facts have made up the difference.
 */
public record PointsBalance(String enterprise, int earned, int spent, int balance, List<PointsLine> lines,
                            List<Redemption> redemptions) {

    public PointsBalance {
        lines = List.copyOf(lines);
        redemptions = List.copyOf(redemptions);
    }
}
