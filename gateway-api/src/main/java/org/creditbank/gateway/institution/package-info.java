/**
 * Reading institution profiles through the ledger, for the gateway's institution routes.
 */
package org.creditbank.gateway.institution;
