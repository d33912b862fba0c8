/**
 * The {@code recognition} contract: versioned transfer rules and recognition decisions by rule or
 * by justified manual decision, with the pure {@link org.creditbank.chaincode.recognition.CreditCalculation}
 * that applies a rule's credits and cap, and {@link org.creditbank.chaincode.recognition.RecognitionViews},
 * which joins a recognition with its sources' current statuses for every contract that shows one.
 */
package org.creditbank.chaincode.recognition;
