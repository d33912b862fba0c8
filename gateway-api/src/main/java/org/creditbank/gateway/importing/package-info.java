/**
 * Bulk import of a registrar's outcome spreadsheet (CSV): parsing it strictly and issuing it in
 * batches, reported in the spreadsheet's own row numbers so that a registrar can fix the file.
 */
package org.creditbank.gateway.importing;
