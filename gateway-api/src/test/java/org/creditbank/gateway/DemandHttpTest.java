package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.gateway.IndustryNetwork.COLLEGE;
import static org.creditbank.gateway.IndustryNetwork.HARDWARE;
import static org.creditbank.gateway.IndustryNetwork.WELDING;
import static org.creditbank.gateway.IndustryNetwork.assertProblem;
import static org.creditbank.gateway.IndustryNetwork.demand;
import static org.creditbank.gateway.IndustryNetwork.expect;
import static org.creditbank.gateway.IndustryNetwork.major;
import static org.creditbank.gateway.IndustryNetwork.thresholds;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.model.RefusalBody;
import org.creditbank.model.demand.MajorIndicator;
import org.creditbank.model.demand.MajorIndicators;
import org.creditbank.model.demand.Quarter;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Talent demand, majors, thresholds and the indicators through the gateways of a college, an
 * enterprise and the education department on one in-process ledger: each publishes only what its
 * institution type may (the chaincode's refusal reaches the client with its code), a demand is
 * updated and withdrawn with its history kept, and the indicators are docs/industry-education.md's
 * worked example, computed from the read model exactly as {@link MajorIndicators} computes them.
 */
class DemandHttpTest {

    private static final String DEMAND = "/api/v1/demand";

    private final IndustryNetwork net = new IndustryNetwork();

    DemandHttpTest() throws IOException {
    }

    @AfterEach
    void stop() {
        net.close();
    }

    @Test
    void anEnterprisePublishesUpdatesAndWithdrawsItsDemandAndOnlyItsOwn() {
        String body = CanonicalJson.toJson(demand("2027-WELD", "6-18-02-04", 40, "440600", "2027-Q1"));
        assertProblem(net.college.post(DEMAND + "/entries", net.collegeRegistrar, body), 422, "INSTITUTION_TYPE_NOT_ALLOWED");
        JsonNode published = expect(201, net.hardware.post(DEMAND + "/entries", net.hardwareRegistrar, body)).json();
        String id = published.at("/record/id").asText();
        assertThat(id).isEqualTo(HARDWARE + ":dem:2027-WELD");
        assertThat(published.at("/record/status").asText()).isEqualTo("OPEN");
        assertThat(expect(200, net.hardware.post(DEMAND + "/entries", net.hardwareRegistrar, body)).json().has("txId"))
                .as("publishing the same content again writes nothing").isFalse();
        assertProblem(net.hardware.post(DEMAND + "/entries", net.hardwareRegistrar,
                CanonicalJson.toJson(demand("2027-WELD", "6-18-02-04", 45, "440600", "2027-Q1"))), 409, "CONFLICT");

        String more = CanonicalJson.toJson(demand("2027-WELD", "6-18-02-04", 55, "440600", "2027-Q1"));
        JsonNode updated = expect(201, net.hardware.post(DEMAND + "/entries/" + id + "/update", net.hardwareRegistrar, more))
                .json().get("record");
        assertThat(updated.get("version").asInt()).isEqualTo(2);
        assertThat(updated.at("/request/headcount").asInt()).isEqualTo(55);
        assertThat(expect(200, net.hardware.post(DEMAND + "/entries/" + id + "/update", net.hardwareRegistrar, more)).json()
                .has("txId")).as("the same update again writes nothing").isFalse();
        // The id names the record: another institution's id, or another number in the body, is refused here.
        assertProblem(net.hardware.post(DEMAND + "/entries/OtherCoMSP:dem:2027-WELD/update", net.hardwareRegistrar, more),
                403, "ORG_NOT_ALLOWED");
        assertProblem(net.hardware.post(DEMAND + "/entries/" + HARDWARE + ":dem:2027-OTHER/update", net.hardwareRegistrar,
                more), 400, "INVALID_FIELD");

        String reason = CanonicalJson.toJson(Map.of("reason", "产线推迟"));
        assertProblem(net.college.post(DEMAND + "/entries/" + id + "/withdraw", net.collegeRegistrar, reason),
                422, "INSTITUTION_TYPE_NOT_ALLOWED");
        JsonNode withdrawn = expect(201, net.hardware.post(DEMAND + "/entries/" + id + "/withdraw", net.hardwareRegistrar,
                reason)).json().get("record");
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertProblem(net.hardware.post(DEMAND + "/entries/" + id + "/update", net.hardwareRegistrar, more),
                422, "INVALID_STATUS_TRANSITION");

        JsonNode versions = expect(200, net.college.get(DEMAND + "/entries/" + id, net.collegeVerifier)).json();
        assertThat(versions.at("/current/statusReason").asText()).isEqualTo("产线推迟");
        assertThat(versions.get("history")).as("published, updated, withdrawn").hasSize(3);
        assertThat(versions.at("/current/request/headcount").asInt()).isEqualTo(55);
        assertProblem(net.college.get(DEMAND + "/entries/" + HARDWARE + ":dem:NONE", net.collegeVerifier), 404, "NOT_FOUND");
        assertProblem(net.college.get(DEMAND + "/entries/" + HARDWARE + ":red:X", net.collegeVerifier), 404, "NOT_FOUND");
    }

    @Test
    void aSchoolPublishesItsMajorsAndTheAuthorityTheThresholds() {
        String welding = CanonicalJson.toJson(major(WELDING, "焊接技术与自动化", 1, List.of("6-18-02-04")));
        assertProblem(net.hardware.post(DEMAND + "/majors", net.hardwareRegistrar, welding), 422, "INSTITUTION_TYPE_NOT_ALLOWED");
        expect(201, net.college.post(DEMAND + "/majors", net.collegeRegistrar, welding));
        expect(200, net.college.post(DEMAND + "/majors", net.collegeRegistrar, welding));
        assertProblem(net.college.post(DEMAND + "/majors", net.collegeRegistrar,
                CanonicalJson.toJson(major(WELDING, "焊接技术", 1, List.of("6-18-02-04")))), 409, "CONFLICT");
        assertProblem(net.college.post(DEMAND + "/majors", net.collegeRegistrar,
                CanonicalJson.toJson(major(WELDING, "焊接技术与自动化", 3, List.of("6-18-02-04")))), 400, "INVALID_FIELD");
        expect(201, net.college.post(DEMAND + "/majors", net.collegeRegistrar,
                CanonicalJson.toJson(major(WELDING, "焊接技术与自动化", 2, List.of("6-18-02-04", "6-30-99-00")))));
        JsonNode versions = expect(200, net.hardware.get(DEMAND + "/majors/" + COLLEGE + "/" + WELDING,
                net.hardware.token(TokenRole.VERIFIER, "gateway", null))).json();
        assertThat(versions.findValuesAsText("version")).containsExactly("1", "2");
        assertProblem(net.hardware.get(DEMAND + "/majors/" + COLLEGE + "/999999", net.hardwareRegistrar), 404, "NOT_FOUND");

        String t = CanonicalJson.toJson(thresholds(1));
        assertProblem(net.college.post(DEMAND + "/thresholds", net.collegeRegistrar, t), 422, "INSTITUTION_TYPE_NOT_ALLOWED");
        assertThat(expect(201, net.edu.post(DEMAND + "/thresholds", net.eduRegistrar, t)).json()
                .at("/record/publisher").asText()).isEqualTo("EduDeptMSP");
        assertThat(expect(200, net.college.get(DEMAND + "/thresholds", net.collegeVerifier)).json()
                .at("/0/thresholds/redBelow").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void theIndicatorsAreTheWorkedExampleComputedFromTheReadModel() {
        net.publishWeldingExample();

        JsonNode answer = net.indicators("school=" + COLLEGE + "&from=2026-Q4&to=2027-Q1&region=440600");
        assertThat(answer.at("/thresholds/thresholds/version").asInt()).isEqualTo(1);
        JsonNode rows = answer.get("indicators");
        assertThat(rows).hasSize(4);
        JsonNode q4 = row(rows, WELDING, "2026-Q4");
        assertThat(q4.get("demand").asLong()).isEqualTo(30);
        assertThat(q4.get("supply").asLong()).isEqualTo(30);
        assertThat(q4.get("warning").asText()).isEqualTo("GREEN");
        assertThat(q4.get("demandTrend").decimalValue()).isEqualByComparingTo("10");
        assertThat(q4.get("gapTrend").decimalValue()).isEqualByComparingTo("1");
        assertThat(q4.get("forecastDemand").decimalValue()).isEqualByComparingTo("40");
        JsonNode q1 = row(rows, WELDING, "2027-Q1");
        assertThat(q1.get("demand").asLong()).as("the withdrawn plan, Guangzhou's and another occupation's do not count")
                .isEqualTo(40);
        assertThat(q1.get("supply").asLong()).isEqualTo(16);
        assertThat(q1.get("gap").asLong()).isEqualTo(24);
        assertThat(q1.get("supplyRatio").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(q1.get("gapTrend").decimalValue()).isEqualByComparingTo("2.2");
        assertThat(q1.get("forecastDemand").decimalValue()).isEqualByComparingTo("50");
        assertThat(q1.get("warning").asText()).isEqualTo("RED");
        assertThat(q1.get("reason").asText()).isEqualTo("supply/demand 16/40 is below 0.5 (red below)");
        assertThat(row(rows, IndustryNetwork.SOFTWARE, "2027-Q1").get("reason").asText())
                .isEqualTo("supply/demand 34/20 is above 1.5 (red above)");

        // Exactly what the model computes from the same records, row for row.
        List<MajorIndicator> expected = MajorIndicators.compute(net.readModel.demand(), net.readModel.majors(COLLEGE),
                net.readModel.supply(COLLEGE), net.readModel.thresholds().get(0).thresholds(),
                Quarter.parse("2026-Q4").orElseThrow(), Quarter.parse("2027-Q1").orElseThrow(), "440600");
        assertThat(rows).isEqualTo(CanonicalJson.read(CanonicalJson.toJson(expected), JsonNode.class));

        // Without a region, Guangzhou's 100 welders count too.
        assertThat(row(net.indicators("school=" + COLLEGE + "&from=2027-Q1&to=2027-Q1").get("indicators"), WELDING,
                "2027-Q1").get("demand").asLong()).isEqualTo(140);
    }

    private static JsonNode row(JsonNode rows, String major, String period) {
        List<JsonNode> found = new ArrayList<>();
        rows.forEach(r -> {
            if (r.get("majorCode").asText().equals(major) && r.get("period").asText().equals(period)) {
                found.add(r);
            }
        });
        assertThat(found).as(major + " " + period).hasSize(1);
        return found.get(0);
    }

    @Test
    void aQuestionTheIndicatorsCannotAnswerIsA4xx() {
        assertProblem(net.college.get(DEMAND + "/indicators?from=2027-Q1&to=2027-Q2", net.collegeVerifier), 404, "NOT_FOUND");
        expect(201, net.edu.post(DEMAND + "/thresholds", net.eduRegistrar, CanonicalJson.toJson(thresholds(1))));
        for (String query : List.of("", "from=2027-Q1", "from=2027-Q5&to=2027-Q4", "from=2027-Q2&to=2027-Q1",
                "from=2000-Q1&to=2030-Q1", "from=2027-Q1&to=2027-Q2&region=999999", "from=2027-Q1&to=2027-Q2&school=a%20b")) {
            assertProblem(net.college.get(DEMAND + "/indicators?" + query, net.collegeVerifier), 400, "INVALID_FIELD");
        }
        assertThat(net.indicators("from=2027-Q1&to=2027-Q2").get("indicators")).isEmpty();
        assertProblem(net.college.get(DEMAND + "/indicators?from=2027-Q1&to=2027-Q2", null), 401, "UNAUTHENTICATED");
    }

    @Test
    void aGatewayWithoutAReadModelSaysSo() throws IOException {
        try (TestGateway bare = new TestGateway(new InProcessLedger(new InMemoryLedger())
                .enroll("gateway", TestIdentity.withRole(COLLEGE, "gateway", "verifier")), COLLEGE, "gateway", 1 << 20)) {
            String verifier = bare.token(TokenRole.VERIFIER, "gateway", null);
            assertProblem(bare.get(DEMAND + "/indicators?from=2027-Q1&to=2027-Q2", verifier), 501, "READ_MODEL_NOT_CONFIGURED");
            assertProblem(bare.get("/api/v1/teachers/grades?school=" + COLLEGE, verifier), 501, "READ_MODEL_NOT_CONFIGURED");
        }
    }

    /** Bad input is refused at the gateway, before any ledger call, with the chaincode's code for it. */
    @Test
    void badInputIsRefusedWithTheChaincodesCodeAndWritesNothing() {
        Map<String, String> before = net.chain.worldState();
        List<String[]> writes = List.of(
                new String[] {HARDWARE, "demand:publish", DEMAND + "/entries",
                        CanonicalJson.toJson(demand("D-1", "9-99-99-99", 40, "440600", "2027-Q1")), "occupationCode"},
                new String[] {HARDWARE, "demand:publish", DEMAND + "/entries",
                        CanonicalJson.toJson(demand("D-1", "6-18-02-04", 0, "440600", "2027-Q1")), "headcount"},
                new String[] {HARDWARE, "demand:publish", DEMAND + "/entries",
                        CanonicalJson.toJson(demand("D-1", "6-18-02-04", 4, "440600", "2027-03")), "period"},
                new String[] {COLLEGE, "demand:publishMajor", DEMAND + "/majors",
                        CanonicalJson.toJson(major("46010", "焊接", 1, List.of("6-18-02-04"))), "majorCode"},
                new String[] {COLLEGE, "demand:publishMajor", DEMAND + "/majors",
                        CanonicalJson.toJson(major(WELDING, "焊接", 1, List.of("6-18-02-04", "6-18-02-04"))), "occupationCodes"},
                new String[] {"EduDeptMSP", "demand:publishThresholds", DEMAND + "/thresholds",
                        CanonicalJson.toJson(Map.of("version", 1, "title", "t", "redBelow", 0.9, "yellowBelow", 0.8,
                                "yellowAbove", 1.2, "redAbove", 1.5, "trendPeriods", 4)), "yellowBelow"});
        for (String[] w : writes) {
            TestGateway gateway = w[0].equals(HARDWARE) ? net.hardware : w[0].equals(COLLEGE) ? net.college : net.edu;
            String token = w[0].equals(HARDWARE) ? net.hardwareRegistrar : w[0].equals(COLLEGE) ? net.collegeRegistrar
                    : net.eduRegistrar;
            Reply reply = gateway.post(w[2], token, w[3]);
            assertProblem(reply, 400, "INVALID_FIELD");
            assertThat(reply.json().get("violations").findValuesAsText("field")).as(reply.text()).contains(w[4]);
            RefusalBody chaincode = RefusalBody.find(net.chain.evaluate(TestIdentity.withRole(w[0], "registrar1", "registrar"),
                    w[1], w[3]).message()).orElseThrow();
            assertThat(chaincode.code().name()).as("the chaincode's code for " + w[3]).isEqualTo("INVALID_FIELD");
        }
        assertProblem(net.hardware.post(DEMAND + "/entries/" + HARDWARE + ":dem:D-1/withdraw", net.hardwareRegistrar,
                CanonicalJson.toJson(Map.of("reason", ""))), 400, "INVALID_FIELD");
        assertProblem(net.hardware.post(DEMAND + "/entries", net.hardwareRegistrar, "{\"headcount\":\"many\"}"),
                400, "MALFORMED_INPUT");
        assertProblem(net.college.get(DEMAND + "/majors/" + "S".repeat(65) + "/" + WELDING, net.collegeVerifier),
                400, "INVALID_FIELD");
        assertThat(net.chain.worldState()).as("nothing was written").isEqualTo(before);
    }
}
