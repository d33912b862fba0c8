package org.creditbank.gateway.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How this gateway signs and checks credentials. Everything is optional: without a key the gateway
 * still verifies credentials (against the trust bundle), it just cannot issue any.
 *
 * <pre>
 * public.baseUrl=https://gateway.college.example        # where outsiders reach this gateway
 * credentials.key=issuer-key.pem                         # PKCS#8 P-256 key (Fabric CA enrolment)
 * credentials.certificates=issuer-chain.pem              # its certificate first, the org's CA last
 * credentials.issuerId=did:web:college.example           # default did:web:host of public.baseUrl
 * credentials.issuerName=广州五金职业技术学院             # default the MSP id
 * credentials.trustBundle=trust-bundle.json              # the channel's other organisations' CAs
 * credentials.statusListTtlSeconds=300
 * </pre>
 *
 * @param issuerKey          null when this gateway does not issue credentials
 * @param issuerCertificates null when this gateway does not issue credentials
 * @param trustBundle        null when only this institution's own CA is trusted
 */
public record CredentialSettings(String publicBaseUrl, Path issuerKey, Path issuerCertificates, String issuerId,
                                 String issuerName, Path trustBundle, Duration statusListTtl) {
}
