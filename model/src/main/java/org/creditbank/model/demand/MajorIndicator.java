package org.creditbank.model.demand;

import java.math.BigDecimal;
import org.creditbank.model.TrafficLight;

/**
 * The indicators of one school's major in one quarter, as {@link MajorIndicators} computes them
 * (formulas in docs/industry-education.md).
 *
 * @param demand            people asked for in the major's occupations (open demand entries)
 * @param supply            people supplied in them
 * @param gap               {@code demand - supply}: positive is a shortage, negative a surplus
 * @param gapRatio          {@code gap / demand}, four decimals; null without demand
 * @param supplyRatio       {@code supply / demand}, four decimals, what the warning judges; null without demand
 * @param demandTrend       least-squares slope of demand over the last {@code trendPeriods} quarters, people per quarter
 * @param gapTrend          the same slope of the gap
 * @param forecastDemand    next quarter's demand on that straight line (never below 0), one decimal
 * @param warning           by the thresholds of version {@code thresholdsVersion}
 * @param reason            why that colour, in one sentence
 */
public record MajorIndicator(
        String school,
        String majorCode,
        String majorName,
        String period,
        long demand,
        long supply,
        long gap,
        BigDecimal gapRatio,
        BigDecimal supplyRatio,
        BigDecimal demandTrend,
        BigDecimal gapTrend,
        BigDecimal forecastDemand,
        TrafficLight warning,
        String reason,
        int thresholdsVersion) {
}
