/**
 * Member institutions as the ledger records them: the profile an organisation gives about itself
 * and its type, which decides what it may issue and recognise. The MSP id is never part of the
 * input; it always comes from the caller's certificate.
 */
package org.creditbank.model.institution;
