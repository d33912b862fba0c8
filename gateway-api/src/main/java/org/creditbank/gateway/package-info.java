/**
 * One institution's HTTP gateway: its entry point and the one error type every handler and service
 * throws ({@link org.creditbank.gateway.ApiException}, a stable error code rendered as problem+json).
 * The subpackages hold the use cases per business area, the HTTP layer and the ledger client.
 */
package org.creditbank.gateway;
