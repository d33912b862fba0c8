/** Key encodings shared by the chaincode (which checks registered keys) and the credentials module. */
package org.creditbank.model.key;
