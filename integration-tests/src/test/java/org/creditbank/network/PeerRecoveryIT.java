package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.network.RunningGateways.Gateway;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A member's peer loses its disk and comes back from a snapshot taken earlier
 * ({@code scripts/consortium snapshot}, then {@code recover-peer}): records from before and after
 * the snapshot read and verify, the member issues again, its peer is as high as the others.
 * Personal data is the exception Fabric documents: a snapshot carries only its hashes, and with
 * no second peer of the member to pull it from, the repaired peer has none of it.
 */
@Tag("changes-consortium")
class PeerRecoveryIT {

    private static final String RUN = "REC" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

    @Test
    void aPeerThatLostItsDiskRejoinsFromASnapshotAndCatchesUp() throws Exception {
        Gateway university = RunningGateways.of("university");
        Gateway hardware = RunningGateways.of("hardware");
        String learner = university.openAccount();
        String beforeSnapshot = university.issueCourse(RUN + "-1", learner);
        try (LiveNetwork network = new LiveNetwork()) {
            Contract registrar = network.as(LiveNetwork.Org.UNIVERSITY, "registrar1");
            Calls.submit(registrar, Map.of("personal", CanonicalJson.toBytes(Map.of("accountNo", learner, "name", "王小红",
                    "birthDate", "2006-09-01", "nationalId", "440101200609010022", "salt", "fedcba9876543210fedcba9876543210"))),
                    "learner:putPersonalData");
        }
        LiveNetwork.runScript("scripts/consortium", "snapshot", "university");
        String afterSnapshot = university.issueCourse(RUN + "-2", learner);

        LiveNetwork.runScript("scripts/consortium", "recover-peer", "university");
        JsonNode report = CanonicalJson.read(Files.readString(LiveNetwork.DIR.resolve("recovery-report.json")), JsonNode.class);
        assertThat(report.path("height").asLong()).isGreaterThan(report.path("snapshotBlock").asLong());

        // Both records read at the repaired member's gateway (its own peer), and verify elsewhere.
        for (String id : new String[] {beforeSnapshot, afterSnapshot}) {
            JsonNode record = university.get("/api/v1/outcomes/" + id, university.verifierToken()).json();
            assertThat(record.path("status").asText()).as(id).isEqualTo("ACTIVE");
            assertThat(hardware.post("/api/v1/verify", null, Map.of("recordId", id, "contentHash",
                    record.path("contentHash").asText())).json().path("verdict").asText()).isEqualTo("VALID");
        }
        assertThat(university.issueCourse(RUN + "-3", learner)).startsWith("UniversityMSP:");

        try (LiveNetwork network = new LiveNetwork()) {
            Contract registrar = network.as(LiveNetwork.Org.UNIVERSITY, "registrar1");
            assertThat(personalDataOf(registrar, learner)).as("personal data on the repaired peer").isNull();
        }
    }

    /** The learner's personal data on the member's own peer, or null when it has none. */
    private static String personalDataOf(Contract registrar, String learner) {
        try {
            return new String(registrar.evaluateTransaction("learner:getPersonalData", learner), java.nio.charset.StandardCharsets.UTF_8);
        } catch (GatewayException e) {
            return null;
        }
    }
}
