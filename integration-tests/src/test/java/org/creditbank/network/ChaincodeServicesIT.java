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
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.creditbank.model.json.CanonicalJson;
import org.hyperledger.fabric.client.identity.Identities;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each member runs its own chaincode service, which only its own peer may call: the service
 * speaks TLS with a certificate from the member's CA and requires a client certificate from that
 * same CA (its peer's TLS certificate). A client without one, or with another member's peer
 * certificate, is refused in the handshake; the member's own peer certificate is accepted.
 */
class ChaincodeServicesIT {

    /** Where the member's chaincode service listens, from the package its peer installed. */
    private static URI address(LiveNetwork.Org org) throws IOException {
        JsonNode connection = CanonicalJson.read(Files.readString(LiveNetwork.DIR.resolve("chaincode").resolve(org.dir)
                .resolve("src/connection.json")), JsonNode.class);
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
