package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.creditbank.gateway.config.GatewayConfig;
import org.creditbank.gateway.config.RequestLimits;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    private static final Path EXAMPLE = Path.of("gateway.example.properties");

    @Test
    void theExampleFileLoadsWithItsDefaults() throws IOException {
        GatewayConfig config = GatewayConfig.load(EXAMPLE, Map.of());
        assertThat(config.fabric().mspId()).isEqualTo("CollegeMSP");
        assertThat(config.fabric().commitStatusTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.fabric().wallet()).isEqualTo(EXAMPLE.toAbsolutePath().getParent().resolve("../.creditbank/wallets/college"));
        assertThat(config.importBatchSize()).isEqualTo(100);
        assertThat(config.limits()).isEqualTo(RequestLimits.DEFAULTS);
    }

    @Test
    void theReadModelIsAnH2FileInTheGatewaysOwnFolderUnlessAUrlOrOffIsGiven() throws IOException {
        Path tokensFolder = EXAMPLE.toAbsolutePath().getParent().resolve("../.creditbank/gateways/college");
        assertThat(GatewayConfig.load(EXAMPLE, Map.of()).readModelUrl())
                .isEqualTo("jdbc:h2:file:" + tokensFolder.resolve("readmodel").toAbsolutePath());
        assertThat(GatewayConfig.load(EXAMPLE, Map.of("CREDITBANK_DATA_DIR", "/var/lib/creditbank")).readModelUrl())
                .isEqualTo("jdbc:h2:file:/var/lib/creditbank/readmodel");
        assertThat(GatewayConfig.load(EXAMPLE, Map.of("CREDITBANK_READMODEL_URL",
                "jdbc:postgresql://db.college.example/readmodel?user=gw")).readModelUrl())
                .isEqualTo("jdbc:postgresql://db.college.example/readmodel?user=gw");
        assertThat(GatewayConfig.load(EXAMPLE, Map.of("CREDITBANK_READMODEL_URL", "off")).readModelUrl()).isNull();
    }

    @Test
    void requestLimitsCanBeChangedOrTurnedOffAndAreChecked() throws IOException {
        GatewayConfig config = GatewayConfig.load(EXAMPLE, Map.of("CREDITBANK_LIMITS_PUBLIC_PERSECOND", "0",
                "CREDITBANK_LIMITS_TRUSTFORWARDEDFOR", "TRUE"));
        assertThat(config.limits().publicPerSecond()).isZero();
        assertThat(config.limits().trustForwardedFor()).isTrue();
        assertThatThrownBy(() -> GatewayConfig.load(EXAMPLE, Map.of("CREDITBANK_LIMITS_TRUSTFORWARDEDFOR", "yes")))
                .hasMessageContaining("limits.trustForwardedFor");
        assertThatThrownBy(() -> GatewayConfig.load(EXAMPLE, Map.of("CREDITBANK_LIMITS_PUBLIC_BURST", "0")))
                .hasMessageContaining("request limits");
    }

    @Test
    void eachGatewayIsItsOwnDidWebNamedByHostAndPort() throws IOException {
        GatewayConfig local = GatewayConfig.load(EXAMPLE, Map.of());
        GatewayConfig second = GatewayConfig.load(EXAMPLE, Map.of("CREDITBANK_LISTEN_PORT", "8081"));
        GatewayConfig named = GatewayConfig.load(EXAMPLE, Map.of("CREDITBANK_CREDENTIALS_DIDHOST", "college.example"));

        assertThat(local.credentials().issuerId()).isEqualTo("did:web:127.0.0.1%3A8080");
        assertThat(second.credentials().issuerId()).isEqualTo("did:web:127.0.0.1%3A8081");
        assertThat(named.credentials().issuerId()).isEqualTo("did:web:college.example");
    }

    @Test
    void environmentVariablesOverrideTheFile() throws IOException {
        GatewayConfig config = GatewayConfig.load(EXAMPLE, Map.of("CREDITBANK_PEER_ENDPOINT", "127.0.0.1:9051",
                "CREDITBANK_LISTEN_PORT", "9090", "CREDITBANK_MSP_ID", "UniversityMSP"));
        assertThat(config.fabric().peerEndpoint()).isEqualTo("127.0.0.1:9051");
        assertThat(config.listenPort()).isEqualTo(9090);
        assertThat(config.fabric().mspId()).isEqualTo("UniversityMSP");
    }

    @Test
    void missingAndMalformedSettingsAreNamed() throws IOException {
        Path file = Files.createTempFile("gateway", ".properties");
        Files.writeString(file, "peer.endpoint=x\n");
        assertThatThrownBy(() -> GatewayConfig.load(file, Map.of())).hasMessageContaining("'msp.id' is required");
        assertThatThrownBy(() -> GatewayConfig.load(EXAMPLE, Map.of("CREDITBANK_LISTEN_PORT", "eighty")))
                .hasMessageContaining("'listen.port' must be a whole number");
    }
}
