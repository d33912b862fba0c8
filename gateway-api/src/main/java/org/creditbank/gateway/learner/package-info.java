/**
 * Learner accounts and transcripts at the gateway: drawing account numbers, passing personal data
 * in the transient map, and keeping a learner token to its own account.
 */
package org.creditbank.gateway.learner;
