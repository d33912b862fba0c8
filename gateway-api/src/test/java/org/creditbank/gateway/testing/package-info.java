/**
 * Test helpers shared with the tests on the network through the gateway's test-jar: the OpenAPI
 * document as a contract every HTTP answer is checked against
 * ({@link org.creditbank.gateway.testing.ApiContract}) and Debian's headless Chromium for the
 * gateway's pages ({@link org.creditbank.gateway.testing.HeadlessChromium}). The gateway's own
 * in-process tests live beside the code they test.
 */
package org.creditbank.gateway.testing;
