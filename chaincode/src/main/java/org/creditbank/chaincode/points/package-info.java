/**
 * Education-responsibility points (教育责任积分): the AUTHORITY's policy, schools' confirmations,
 * accrual by citing ledger facts, balances computed from the facts' current status, and
 * redemptions the AUTHORITY decides. Rules in {@link org.creditbank.chaincode.points.PointsRules}
 * and {@link org.creditbank.chaincode.points.RedemptionRules}; formulas in docs/industry-education.md.
 */
package org.creditbank.chaincode.points;
