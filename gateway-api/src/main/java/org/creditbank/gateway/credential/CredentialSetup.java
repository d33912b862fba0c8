package org.creditbank.gateway.credential;

import java.time.Clock;
import java.time.Duration;
import org.creditbank.credentials.IssuerIdentity;
import org.creditbank.credentials.TrustBundle;

/**
 * What the credential routes of one gateway need, loaded once at start-up (see {@link IssuerFiles})
 * or made by tests.
 *
 * @param issuer        this institution's signing identity; null when the gateway does not issue
 * @param trust         the organisations whose credentials verify here (this one's CA included)
 * @param publicBaseUrl where outsiders reach this gateway: verification links and status lists
 */
public record CredentialSetup(IssuerIdentity issuer, TrustBundle trust, String publicBaseUrl, Duration statusListTtl,
                              Clock clock) {
}
