/**
 * Learner accounts and transcripts at the gateway: drawing account numbers (or deriving them from
 * an idempotency key) and keeping a learner token to its own account's transcript.
 */
package org.creditbank.gateway.learner;
