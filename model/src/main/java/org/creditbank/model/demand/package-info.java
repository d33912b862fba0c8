/**
 * Talent demand (人才需求) and major-adjustment warnings (专业调整预警): enterprises' demand
 * entries, schools' majors and the occupations they supply, the AUTHORITY's warning thresholds,
 * the bundled code lists they are checked against, and {@link org.creditbank.model.demand.MajorIndicators},
 * the pure computation of the indicators. Formulas in docs/industry-education.md.
 */
package org.creditbank.model.demand;
