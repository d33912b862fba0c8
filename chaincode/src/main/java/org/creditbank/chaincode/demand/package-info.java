/**
 * Talent demand (人才需求) and the records the major-adjustment warnings are computed from: the
 * enterprises' demand, the schools' majors and the AUTHORITY's thresholds. The indicators
 * themselves are computed off the ledger, by {@link org.creditbank.model.demand.MajorIndicators}
 * in a read model; formulas in docs/industry-education.md.
 */
package org.creditbank.chaincode.demand;
