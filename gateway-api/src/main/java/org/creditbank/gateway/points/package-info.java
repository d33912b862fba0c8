/**
 * Education-responsibility points at the gateway (docs/industry-education.md): the AUTHORITY's
 * policy versions and redemption decisions, schools' confirmations, enterprises' accruals and
 * applications, and the balance with the fact behind every line, each a call to the {@code points}
 * contract, which decides who may do what.
 */
package org.creditbank.gateway.points;
