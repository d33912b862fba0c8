/**
 * The shared vocabulary of every layer: record ids ({@link org.creditbank.model.RecordId}), the
 * one list of error codes ({@link org.creditbank.model.ErrorCode}) and the refusal body the chaincode
 * sends, validation ({@link org.creditbank.model.Violations}, {@link org.creditbank.model.DisplayText},
 * {@link org.creditbank.model.StatusReason}) and credit amounts. It lives here, below chaincode,
 * credentials and gateway, so that each rule, limit and code is defined once and every layer gives
 * the same answer for the same mistake.
 */
package org.creditbank.model;
