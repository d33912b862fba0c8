package org.creditbank.model;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * Credit amounts in their one canonical form, so that {@code 3}, {@code 3.0} and {@code 3.00}
 * serialise, compare and hash identically on every peer.
 */
public final class Credits {

    private Credits() {
    }

    /** {@code 3.50 → 3.5}, {@code 0.00 → 0}; null stays null. */
    public static BigDecimal normal(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        return amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    }

    public static BigDecimal sum(Collection<BigDecimal> amounts) {
        return normal(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
