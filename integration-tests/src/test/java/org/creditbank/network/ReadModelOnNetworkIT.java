package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.network.RunningGateways.Gateway;
import org.creditbank.network.RunningGateways.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The college gateway's read model on the real network: a record issued through the gateway is
 * listed from the peer's block events within 10 s, its revocation follows, and the status says
 * the read model is level with the channel.
 */
class ReadModelOnNetworkIT {

    private static final String RUN = "RM" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private static Gateway college;

    @BeforeAll
    static void gateways() {
        college = RunningGateways.of("college");
    }

    @Test
    void anIssuedRecordIsListedWithinSecondsAndItsRevocationFollows() throws InterruptedException {
        String registrar = college.registrarToken();
        String learner = college.openAccount();
        Reply issued = college.post("/api/v1/outcomes", registrar, Drafts.course(RUN + "-1", learner));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = issued.json().at("/record/id").asText();
        long block = issued.json().at("/blockNumber").asLong();

        String list = "/api/v1/outcomes?learner=" + learner + "&size=10";
        Reply listed = within(list, registrar, r -> r.json().at("/total").asLong() == 1);
        assertThat(listed.json().at("/items/0/id").asText()).isEqualTo(id);
        assertThat(listed.json().at("/items/0/status").asText()).isEqualTo("ACTIVE");

        Reply revoked = college.post("/api/v1/outcomes/" + id + "/revoke", registrar, Map.of("reason", "read model " + RUN));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(201);
        Reply after = within(list + "&status=REVOKED", registrar, r -> r.json().at("/total").asLong() == 1);
        assertThat(after.json().at("/items/0/statusReason").asText()).isEqualTo("read model " + RUN);
        assertThat(college.get(list + "&status=ACTIVE", registrar).json().at("/total").asLong()).isZero();

        Reply status = college.get("/api/v1/read-model/status", college.verifierToken());
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.json().at("/lastBlock").asLong()).isGreaterThan(block);
        assertThat(status.json().at("/channelHeight").asLong()).isGreaterThan(block + 1);

        // Another institution's list is not this gateway's to give; bad paging is the client's 400.
        assertThat(college.get("/api/v1/outcomes?issuer=UniversityMSP", registrar).status()).isEqualTo(403);
        assertThat(college.get("/api/v1/outcomes?size=1000", registrar).status()).isEqualTo(400);
    }

    private static Reply within(String path, String token, Predicate<Reply> done) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        Reply reply = college.get(path, token);
        while (!(reply.status() == 200 && done.test(reply)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            reply = college.get(path, token);
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(done.test(reply)).as("%s within %s: %s", path, WITHIN, reply.body()).isTrue();
        return reply;
    }
}
