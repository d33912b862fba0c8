/**
 * The gateway's settings: the properties file with environment overrides, the request limits and
 * the credential signing settings. Read once at start-up; everything else takes these records.
 */
package org.creditbank.gateway.config;
