package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.creditbank.model.json.CanonicalJson;
import org.hyperledger.fabric.client.identity.Identities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each member runs its own chaincode service, so one crashing stops nobody else, and only its own
 * peer may call it: the service
 * speaks TLS with a certificate from the member's CA and requires a client certificate from that
 * same CA (its peer's TLS certificate). A client without one, or with another member's peer
 * certificate, is refused in the handshake; the member's own peer certificate is accepted.
 */
class ChaincodeServicesIT {

    private static final String RUN = "CC" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

    /** Where the member's chaincode service listens, from the package its peer installed. */
    private static URI address(LiveNetwork.Org org) throws IOException {
        JsonNode connection = CanonicalJson.read(Files.readString(LiveNetwork.DIR.resolve("chaincode").resolve(org.dir)
                .resolve("v" + LiveNetwork.consortium().at("/chaincode/version").asText()).resolve("src/connection.json")), JsonNode.class);
        assertThat(connection.get("tls_required").asBoolean()).isTrue();
        assertThat(connection.get("client_auth_required").asBoolean()).isTrue();
        return URI.create("tls://" + connection.get("address").asText());
    }

    private static Path peerTls(LiveNetwork.Org org) {
        return LiveNetwork.DIR.resolve("organizations").resolve(org.dir).resolve("peers/peer0/tls");
    }

    /** A TLS 1.2 handshake (where a refused client certificate fails the handshake itself). */
    private static void handshake(LiveNetwork.Org service, LiveNetwork.Org client) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", read(peerTls(service).resolve("ca.crt")));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (client != null) {
            PrivateKey key;
            try (Reader r = Files.newBufferedReader(peerTls(client).resolve("server.key"))) {
                key = Identities.readPrivateKey(r);
            }
            keys.setKeyEntry("peer", key, new char[0], new Certificate[] {read(peerTls(client).resolve("server.crt"))});
        }
        kmf.init(keys, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLSv1.2");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        URI at = address(service);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(at.getHost(), at.getPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"h2"});
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            assertThat(socket.getApplicationProtocol()).isEqualTo("h2");
        }
    }

    private static X509Certificate read(Path pem) throws IOException, GeneralSecurityException {
        try (Reader r = Files.newBufferedReader(pem)) {
            return Identities.readX509Certificate(r);
        }
    }

    /**
     * The hardware manufacturer's chaincode service crashes: the college and the university still
     * endorse together (2 of 3), so the college's registrar goes on issuing. `scripts/network up`
     * starts the crashed service again, and the manufacturer's gateway reads what was issued.
     */
    @Test
    void oneMembersChaincodeCrashingDoesNotStopTheOthers() throws Exception {
        RunningGateways.Gateway college = RunningGateways.of("college");
        String learner = college.openAccount();
        Path pidFile = LiveNetwork.DIR.resolve("pids/chaincode.hardware.pid");
        ProcessHandle service = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).orElseThrow();
        try {
            service.destroyForcibly();
            assertThat(service.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();

            college.issueCourse(RUN + "-CRASH", learner); // 201, endorsed by the college and the university
        } finally {
            ProcessBuilder network = new ProcessBuilder("scripts/network", "up").directory(LiveNetwork.ROOT.toFile());
            network.environment().put("CREDITBANK_RUN", LiveNetwork.DIR.toAbsolutePath().toString());
            Process up = network.redirectErrorStream(true)
                    .redirectOutput(LiveNetwork.DIR.resolve("logs/network-up-after-crash.log").toFile()).start();
            up.getOutputStream().close();
            assertThat(up.waitFor(180, TimeUnit.SECONDS)).as("scripts/network up finished").isTrue();
            assertThat(up.exitValue()).as("scripts/network up (log: logs/network-up-after-crash.log)").isZero();
        }
        RunningGateways.Gateway hardware = RunningGateways.of("hardware");
        String id = "CollegeMSP:" + RUN + "-CRASH";
        assertThat(hardware.get("/api/v1/outcomes/" + id, hardware.verifierToken()).json().get("id").asText()).isEqualTo(id);
        // Its own chaincode serves again: the manufacturer's registrar can write.
        assertThat(hardware.post("/api/v1/learners", hardware.registrarToken(), "").status()).isEqualTo(201);
    }

    @ParameterizedTest
    @EnumSource(LiveNetwork.Org.class)
    void onlyTheMembersOwnPeerMayCallItsChaincodeService(LiveNetwork.Org org) throws Exception {
        handshake(org, org);
        // The server ends the handshake with an alert, or closes the socket while the client still writes.
        assertThatThrownBy(() -> handshake(org, null)).as("no client certificate").isInstanceOf(IOException.class);
        LiveNetwork.Org other = Stream.of(LiveNetwork.Org.values()).filter(o -> o != org).findFirst().orElseThrow();
        assertThatThrownBy(() -> handshake(org, other)).as("%s's peer certificate", other).isInstanceOf(IOException.class);
    }
}
