/**
 * Talent demand and major-adjustment warnings at the gateway (docs/industry-education.md):
 * enterprises' demand, schools' majors and the AUTHORITY's thresholds, each a call to the
 * {@code demand} contract, which decides who may publish what, and the indicators, computed from
 * the read model by the model's {@link org.creditbank.model.demand.MajorIndicators}.
 */
package org.creditbank.gateway.demand;
