/**
 * Qualifications (学分积累): what an awarding institution's qualification requires, and how far a
 * learner is towards it.
 */
package org.creditbank.gateway.qualification;
