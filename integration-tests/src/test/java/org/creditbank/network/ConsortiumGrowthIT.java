package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.network.RunningGateways.Gateway;
import org.creditbank.network.RunningGateways.Reply;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A new institution joins the live channel ({@code scripts/consortium add-institution
 * network/examples/new-member.yaml}) while the others keep their records: afterwards it issues
 * outcomes, an existing school recognises them, and every record written before the join still
 * reads and verifies exactly as before.
 *
 * <p>It changes the consortium for good, so it runs in its own stage of scripts/test, after the
 * other network tests ({@code -Dit.test=ConsortiumGrowthIT -Dit.excludedGroups=}).
 */
@Tag("changes-consortium")
class ConsortiumGrowthIT {

    private static final String RUN = "JOIN" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private static final Path ENTRY = LiveNetwork.ROOT.resolve("network/examples/new-member.yaml");

    @Test
    void aNewSchoolJoinsIssuesAndIsRecognisedWhileEveryEarlierRecordStaysAsItWas() throws Exception {
        Gateway college = RunningGateways.of("college");
        Gateway university = RunningGateways.of("university");
        int membersBefore = LiveNetwork.consortium().path("members").size();

        // Before: records at a school and at the enterprise, as readers and verifiers see them.
        String learner = college.openAccount();
        String courseId = college.issueCourse(RUN + "-C", learner);
        Reply training = RunningGateways.of("hardware").post("/api/v1/outcomes",
                RunningGateways.of("hardware").registrarToken(), Drafts.training(RUN + "-T", learner));
        assertThat(training.status()).as(training.body()).isEqualTo(201);
        String trainingId = training.json().at("/record/id").asText();
        List<String> before = new ArrayList<>();
        for (String id : List.of(courseId, trainingId)) {
            before.add(university.get("/api/v1/outcomes/" + id, university.verifierToken()).body());
        }
        String credential = college.get("/api/v1/outcomes/" + courseId + "/credential", college.registrarToken()).body();

        LiveNetwork.runScript("scripts/consortium", "add-institution", ENTRY.toString());

        JsonNode joined = LiveNetwork.consortiumMember("techcollege");
        assertThat(LiveNetwork.consortium().path("members").size()).isEqualTo(membersBefore + 1);
        assertThat(LiveNetwork.consortium().at("/chaincode/policy").asText()).contains("'TechCollegeMSP.peer'");
        String msp = joined.path("msp").asText();

        // The new member issues at its own gateway, for a learner it opened.
        Gateway tech = RunningGateways.of("techcollege");
        String techLearner = tech.openAccount();
        String techCourse = tech.issueCourse(RUN + "-N", techLearner);
        assertThat(techCourse).startsWith(msp + ":");
        assertThat(university.get("/api/v1/institutions", university.verifierToken()).body())
                .contains(joined.at("/profile/name").asText());

        // An existing school recognises it by a rule it publishes.
        String ruleCode = "R" + RUN;
        Reply rule = university.post("/api/v1/rules", university.registrarToken(), Drafts.transferRule(ruleCode));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        Reply recognised = university.post("/api/v1/recognitions", university.registrarToken(), Map.of("localId", RUN,
                "learner", techLearner, "sourceOutcomeIds", List.of(techCourse), "method", "RULE", "ruleCode", ruleCode,
                "ruleVersion", 1));
        assertThat(recognised.status()).as(recognised.body()).isEqualTo(201);
        JsonNode transcript = university.get("/api/v1/learners/" + techLearner + "/transcript", university.verifierToken()).json();
        assertThat(transcript.at("/totals/recognisedCredits").asInt()).isEqualTo(2);

        // Everything written before the join reads the same, byte for byte, and still verifies.
        List<String> after = new ArrayList<>();
        for (String id : List.of(courseId, trainingId)) {
            after.add(university.get("/api/v1/outcomes/" + id, university.verifierToken()).body());
        }
        assertThat(after).isEqualTo(before);
        Reply verified = tech.post("/api/v1/credentials/verify", null, credential);
        assertThat(verified.json().path("verdict").asText()).as(verified.body()).isEqualTo("VALID");
        String hash = college.get("/api/v1/outcomes/" + courseId, college.verifierToken()).json().at("/contentHash").asText();
        assertThat(tech.post("/api/v1/verify", null, Map.of("recordId", courseId, "contentHash", hash)).json()
                .path("verdict").asText()).isEqualTo("VALID");
    }
}
