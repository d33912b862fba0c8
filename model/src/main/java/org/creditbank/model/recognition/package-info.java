/**
 * Cross-institution credit recognition (学分互认): transfer rules and their versions, a registrar's
 * recognition request (by rule or manual), the decision on the ledger and the view of it read back
 * with the current status of each source outcome.
 */
package org.creditbank.model.recognition;
