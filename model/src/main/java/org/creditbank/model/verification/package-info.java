/**
 * The answer to "is this record, with this content, genuine and in force?": the verdict and the
 * reason a verifier can show a person. Shared by the chaincode that decides it and the gateway and
 * credential checks that report it.
 */
package org.creditbank.model.verification;
