/**
 * Qualifications (学分积累): the credit requirements an awarding institution publishes and the
 * progress a learner has made towards them. The chaincode computes progress; these are the shapes it
 * is published and answered in.
 */
package org.creditbank.model.qualification;
