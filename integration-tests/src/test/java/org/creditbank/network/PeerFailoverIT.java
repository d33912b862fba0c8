package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.creditbank.network.RunningGateways.Gateway;
import org.junit.jupiter.api.Test;

/**
 * The college runs two peers (the consortium file's {@code peers: 2}); when one is down its gateway
 * goes on through the other: issuing, reading and verifying keep working, and the peer that comes
 * back catches up.
 */
class PeerFailoverIT {

    private static final String RUN = "HA" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

    @Test
    void theCollegesGatewayFailsOverToItsSecondPeerWhenTheFirstIsDown() throws Exception {
        assertThat(LiveNetwork.consortiumMember("college").path("peers").asInt()).isEqualTo(2);
        Gateway college = RunningGateways.of("college");
        Gateway hardware = RunningGateways.of("hardware");
        String learner = college.openAccount();
        String before = college.issueCourse(RUN + "-1", learner);

        LiveNetwork.runScript("scripts/network", "kill", "peer0.college");
        try {
            String during = college.issueCourse(RUN + "-2", learner);
            String hash = college.get("/api/v1/outcomes/" + during, college.verifierToken()).json().path("contentHash").asText();
            assertThat(hardware.post("/api/v1/verify", null, Map.of("recordId", during, "contentHash", hash)).json()
                    .path("verdict").asText()).isEqualTo("VALID");
            assertThat(college.get("/api/v1/outcomes/" + before, college.verifierToken()).status()).isEqualTo(200);
            assertThat(college.get("/readyz", null).status()).isEqualTo(200);
        } finally {
            LiveNetwork.runScript("scripts/network", "up");
        }
        assertThat(college.issueCourse(RUN + "-3", learner)).startsWith("CollegeMSP:");
    }
}
