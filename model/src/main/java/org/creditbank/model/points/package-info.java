/**
 * Education-responsibility points (教育责任积分) of enterprises: the AUTHORITY's versioned points
 * policy, a school's confirmation of an enterprise's contribution, the points entry that counts one
 * ledger fact once, the balance as computed from the facts' current status, and applications to
 * redeem points for a subsidy. The formulas are in docs/industry-education.md.
 */
package org.creditbank.model.points;
