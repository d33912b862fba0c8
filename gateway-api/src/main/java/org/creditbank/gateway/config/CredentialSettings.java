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
 * credentials.eddsaKey=eddsa-key.pem                     # PKCS#8 Ed25519 key (SigningKeyCommand generate),
 *                                                        # registered on the ledger by the org admin
 * credentials.didHost=college.example                    # default host[:port] of public.baseUrl
 * credentials.issuerId=did:web:college.example           # default did:web:<didHost>, ':' as %3A
 * credentials.issuerName=广州五金职业技术学院             # only until the institution is registered;
 *                                                        # default the MSP id
 * credentials.trustBundle=trust-bundle.json              # the channel's other organisations' CAs
 * credentials.statusListTtlSeconds=300
 * </pre>
 *
 * @param issuerKey          null when this gateway does not issue credentials
 * @param issuerCertificates null when this gateway does not issue credentials
 * @param eddsaKey           null when credentials carry only the ecdsa-rdfc-2019 proof
 * @param issuerId           this institution's own {@code did:web}, whose document the gateway serves
 *                           at {@code /.well-known/did.json}
 * @param issuerName         the name credentials carry while the ledger has no profile of the
 *                           institution; otherwise they carry the registered name
 * @param trustBundle        null when only this institution's own CA is trusted
 */
public record CredentialSettings(String publicBaseUrl, Path issuerKey, Path issuerCertificates, Path eddsaKey,
                                 String issuerId, String issuerName, Path trustBundle, Duration statusListTtl) {

    /**
     * The {@code did:web} of a host name with an optional port: {@code did:web:127.0.0.1%3A8080}
     * (did:web encodes the port's colon, which would otherwise separate path segments).
     */
    public static String didWeb(String hostAndPort) {
        return "did:web:" + hostAndPort.replace(":", "%3A");
    }
}
