package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.creditbank.credentials.TestInstitution;
import org.creditbank.gateway.config.GatewayConfig;
import org.creditbank.gateway.credential.CredentialSetup;
import org.creditbank.gateway.credential.IssuerFiles;
import org.junit.jupiter.api.Test;

/** The issuer key and certificates come from PEM files named in the gateway's configuration. */
class IssuerFilesTest {

    private final TestInstitution college = TestInstitution.create("CollegeMSP", "广州五金职业技术学院", "college.example");

    private static String pem(Object value) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(value);
        }
        return out.toString();
    }

    private GatewayConfig config(Path dir, String certificates) throws IOException {
        Files.writeString(dir.resolve("issuer-key.pem"), pem(new JcaPKCS8Generator(college.identity.signingKey(), null)));
        Files.writeString(dir.resolve("issuer-chain.pem"), certificates);
        Files.writeString(dir.resolve("gateway.properties"), """
                msp.id=CollegeMSP
                peer.endpoint=localhost:7051
                peer.tlsRootCert=tls.pem
                wallet=wallet
                tokens.file=tokens.json
                service.identity=gateway
                credentials.key=issuer-key.pem
                credentials.certificates=issuer-chain.pem
                credentials.issuerName=广州五金职业技术学院
                """);
        return GatewayConfig.load(dir.resolve("gateway.properties"),
                Map.of("CREDITBANK_PUBLIC_BASEURL", "https://gateway.college.example"));
    }

    @Test
    void theGatewaySignsWithTheConfiguredKeyAndTrustsItsOrganisationsCa() throws IOException {
        Path dir = Files.createTempDirectory("issuer-files");
        GatewayConfig config = config(dir, pem(college.identity.certificateChain().get(0)) + pem(college.caCertificate));

        CredentialSetup setup = IssuerFiles.load(config.credentials(), "CollegeMSP", Clock.systemUTC());

        assertThat(setup.issuer().id()).isEqualTo("did:web:gateway.college.example");
        assertThat(setup.issuer().name()).isEqualTo("广州五金职业技术学院");
        assertThat(setup.issuer().statusListUrl(org.creditbank.credentials.StatusPurpose.REVOCATION, "tx-0001"))
                .isEqualTo("https://gateway.college.example/api/v1/status-lists/tx-0001/revocation");
        assertThat(setup.issuer().publicKey()).isEqualTo(college.identity.publicKey());
        assertThat(setup.trust().caCertificatesOf("CollegeMSP")).containsExactly(college.caCertificate);
    }

    @Test
    void theEd25519KeyFileGivesTheSecondProofsKey() throws IOException {
        Path dir = Files.createTempDirectory("issuer-files");
        GatewayConfig without = config(dir, pem(college.identity.certificateChain().get(0)) + pem(college.caCertificate));
        Files.writeString(dir.resolve("eddsa-key.pem"), pem(new JcaPKCS8Generator(college.identity.eddsaKey().privateKey(),
                null)));
        GatewayConfig config = GatewayConfig.load(dir.resolve("gateway.properties"), Map.of(
                "CREDITBANK_PUBLIC_BASEURL", "https://gateway.college.example", "CREDITBANK_CREDENTIALS_EDDSAKEY",
                "eddsa-key.pem"));

        CredentialSetup setup = IssuerFiles.load(config.credentials(), "CollegeMSP", Clock.systemUTC());

        assertThat(IssuerFiles.load(without.credentials(), "CollegeMSP", Clock.systemUTC()).issuer().eddsaKey()).isNull();
        assertThat(setup.issuer().eddsaKey().publicKeyMultibase())
                .isEqualTo(college.identity.eddsaKey().publicKeyMultibase());
        assertThat(setup.issuer().eddsaVerificationMethodId())
                .isEqualTo("did:web:gateway.college.example#" + college.identity.eddsaKey().publicKeyMultibase());
    }

    @Test
    void aChainWithoutTheOrganisationsCaIsRefusedAtStartUp() throws IOException {
        Path dir = Files.createTempDirectory("issuer-files");
        GatewayConfig config = config(dir, pem(college.identity.certificateChain().get(0)));
        assertThatThrownBy(() -> IssuerFiles.load(config.credentials(), "CollegeMSP", Clock.systemUTC()))
                .hasMessageContaining("CA last");
    }

    @Test
    void withoutAKeyTheGatewayOnlyVerifies() throws IOException {
        Path dir = Files.createTempDirectory("issuer-files");
        Files.writeString(dir.resolve("gateway.properties"), """
                msp.id=CollegeMSP
                peer.endpoint=localhost:7051
                peer.tlsRootCert=tls.pem
                wallet=wallet
                tokens.file=tokens.json
                service.identity=gateway
                """);
        GatewayConfig config = GatewayConfig.load(dir.resolve("gateway.properties"), Map.of());
        CredentialSetup setup = IssuerFiles.load(config.credentials(), "CollegeMSP", Clock.systemUTC());
        assertThat(setup.issuer()).isNull();
        assertThat(setup.publicBaseUrl()).isEqualTo("http://127.0.0.1:8080");
    }
}
