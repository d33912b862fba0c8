/**
 * The command line of the offline verifier jar ({@code creditbank-verify.jar}): what an employer runs
 * on a credential a learner gave them, with nothing but a trust bundle.
 */
package org.creditbank.credentials.cli;
