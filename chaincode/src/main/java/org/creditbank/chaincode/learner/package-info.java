/**
 * The {@code learner} contract: opening learner accounts and keeping each institution's personal
 * data of its learners in its own private data collection, with only a hash on the chain.
 */
package org.creditbank.chaincode.learner;
