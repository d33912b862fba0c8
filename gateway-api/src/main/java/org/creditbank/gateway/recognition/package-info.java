/**
 * Transfer rules and recognition decisions at the gateway: publishing and retiring rules,
 * recognising outcomes and reading decisions back, each a call to the {@code recognition} contract.
 */
package org.creditbank.gateway.recognition;
