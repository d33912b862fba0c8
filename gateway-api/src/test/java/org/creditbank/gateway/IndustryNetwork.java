package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.model.json.CanonicalJson;

/**
 * A college, a university, an enterprise and the education department, each with its gateway, on
 * one in-process ledger, every gateway's analytics reading that ledger's state ({@link StateReadModel}).
 * {@link #publishWeldingExample} writes, through the gateways, the worked example of
 * docs/industry-education.md ("Indicators") and a second major with too many graduates, so the HTTP
 * test and the dashboard's browser test judge the same records.
 */
final class IndustryNetwork implements AutoCloseable {

    static final String COLLEGE = "CollegeMSP";
    static final String UNIVERSITY = "UniversityMSP";
    static final String HARDWARE = "HardwareCoMSP";
    static final String EDU = "EduDeptMSP";
    static final String WELDING = "460104";
    static final String SOFTWARE = "510203";

    /** The day the records are read: just after 2027-Q1, the last quarter of the example. */
    static final Instant TODAY = Instant.parse("2027-04-15T08:00:00Z");

    final InMemoryLedger chain = new InMemoryLedger();
    /** The gateways' clock, the ledger's day. */
    private final TestClock clock = new TestClock(TODAY);
    final StateReadModel readModel = new StateReadModel(chain);
    final TestGateway college;
    final TestGateway university;
    final TestGateway hardware;
    final TestGateway edu;
    final String collegeRegistrar;
    final String universityRegistrar;
    final String hardwareRegistrar;
    final String eduRegistrar;
    final String collegeVerifier;
    private int outcomes;

    IndustryNetwork() throws IOException {
        chain.advanceClock(Duration.between(chain.today().atStartOfDay(ZoneOffset.UTC).toInstant(), TODAY));
        register(COLLEGE, "广州五金职业技术学院", "SCHOOL");
        register(UNIVERSITY, "应用技术大学", "SCHOOL");
        register(HARDWARE, "五金制造集团", "ENTERPRISE");
        register(EDU, "广东省教育厅", "AUTHORITY");
        college = gateway(COLLEGE);
        university = gateway(UNIVERSITY);
        hardware = gateway(HARDWARE);
        edu = gateway(EDU);
        collegeRegistrar = college.token(TokenRole.REGISTRAR, "registrar1", null);
        universityRegistrar = university.token(TokenRole.REGISTRAR, "registrar1", null);
        hardwareRegistrar = hardware.token(TokenRole.REGISTRAR, "registrar1", null);
        eduRegistrar = edu.token(TokenRole.REGISTRAR, "registrar1", null);
        collegeVerifier = college.token(TokenRole.VERIFIER, "gateway", null);
    }

    private void register(String mspId, String name, String type) {
        assertThat(chain.submit(TestIdentity.admin(mspId), "institution:register",
                CanonicalJson.toJson(Map.of("name", name, "type", type))).ok()).isTrue();
    }

    private TestGateway gateway(String mspId) throws IOException {
        return new TestGateway(new InProcessLedger(chain)
                .enroll("registrar1", TestIdentity.withRole(mspId, "registrar1", "registrar"))
                .enroll("gateway", TestIdentity.withRole(mspId, "gateway", "verifier")), mspId, "gateway",
                readModel.readModel(), clock);
    }

    static Reply expect(int status, Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        return reply;
    }

    static void assertProblem(Reply reply, int status, String code) {
        expect(status, reply);
        assertThat(reply.json().get("code").asText()).as(reply.text()).isEqualTo(code);
    }

    static Map<String, Object> thresholds(int version) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("version", version);
        t.put("title", "2027 年专业预警阈值");
        t.put("redBelow", 0.5);
        t.put("yellowBelow", 0.8);
        t.put("yellowAbove", 1.2);
        t.put("redAbove", 1.5);
        t.put("trendPeriods", 4);
        return t;
    }

    static Map<String, Object> demand(String localId, String occupation, int headcount, String region, String period) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("localId", localId);
        d.put("occupationCode", occupation);
        d.put("headcount", headcount);
        d.put("region", region);
        d.put("period", period);
        return d;
    }

    static Map<String, Object> major(String code, String name, int version, List<String> occupations) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("majorCode", code);
        m.put("name", name);
        m.put("version", version);
        m.put("occupationCodes", occupations);
        return m;
    }

    /** A new learner account at the college. */
    String openAccount() {
        return expect(201, college.post("/api/v1/learners", collegeRegistrar, "")).json().at("/record/accountNo").asText();
    }

    /** {@code n} certificates the college issues for occupation {@code occupation}, achieved on {@code day}. */
    void certificates(int n, String occupation, String day) {
        String learner = openAccount();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> draft = Drafts.course("CERT-" + ++outcomes, learner);
            draft.put("kind", "SKILL_CERTIFICATE");
            draft.put("achievementCode", "CERT-" + occupation);
            draft.put("achievementTitle", "职业技能等级证书");
            draft.put("category", occupation);
            draft.put("result", Map.of("scale", "PASS_FAIL", "value", "PASS"));
            draft.put("activityStart", day);
            draft.put("activityEnd", day);
            items.add(draft);
        }
        expect(201, college.post("/api/v1/outcomes/batch", collegeRegistrar, CanonicalJson.toJson(Map.of("items", items))));
    }

    /**
     * The worked example: major 460104 (焊工, 工业机器人系统操作员) with demand 10, 20, 30, 40 in
     * 佛山 from 2026-Q2 to 2027-Q1 (and a withdrawn plan, another region's and another occupation's
     * demand that do not count) and supply 30 in 2026-Q4 and 16 in 2027-Q1; and major 510203
     * (计算机程序设计员) with demand 20 a quarter and supply 20, 22, 26, 34 (too many graduates).
     */
    void publishWeldingExample() {
        expect(201, edu.post("/api/v1/demand/thresholds", eduRegistrar, CanonicalJson.toJson(thresholds(1))));
        String[] quarters = {"2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"};
        int[] welders = {10, 10, 20, 25};
        int[] robots = {0, 10, 10, 15};
        for (int i = 0; i < quarters.length; i++) {
            publishDemand(demand("W-" + quarters[i], "6-18-02-04", welders[i], "440600", quarters[i]));
            if (robots[i] > 0) {
                publishDemand(demand("R-" + quarters[i], "6-30-99-00", robots[i], "440600", quarters[i]));
            }
            publishDemand(demand("P-" + quarters[i], "4-04-05-01", 20, "440600", quarters[i]));
        }
        publishDemand(demand("GZ-2027-Q1", "6-18-02-04", 100, "440100", "2027-Q1"));
        publishDemand(demand("OLD-2027-Q1", "6-18-02-04", 50, "440600", "2027-Q1"));
        expect(201, hardware.post("/api/v1/demand/entries/" + HARDWARE + ":dem:OLD-2027-Q1/withdraw", hardwareRegistrar,
                CanonicalJson.toJson(Map.of("reason", "产线计划取消"))));
        publishDemand(demand("CHEF-2027-Q1", "4-07-05-02", 500, "440600", "2027-Q1"));

        expect(201, college.post("/api/v1/demand/majors", collegeRegistrar, CanonicalJson.toJson(
                major(WELDING, "焊接技术与自动化", 1, List.of("6-18-02-04", "6-30-99-00")))));
        expect(201, college.post("/api/v1/demand/majors", collegeRegistrar, CanonicalJson.toJson(
                major(SOFTWARE, "软件技术", 1, List.of("4-04-05-01")))));

        certificates(30, "6-18-02-04", "2026-11-20");
        certificates(10, "6-18-02-04", "2027-02-20");
        certificates(6, "6-30-99-00", "2027-03-10");
        int[] programmers = {20, 22, 26, 34};
        String[] days = {"2026-05-15", "2026-08-15", "2026-11-15", "2027-02-15"};
        for (int i = 0; i < days.length; i++) {
            certificates(programmers[i], "4-04-05-01", days[i]);
        }
    }

    private void publishDemand(Map<String, Object> request) {
        expect(201, hardware.post("/api/v1/demand/entries", hardwareRegistrar, CanonicalJson.toJson(request)));
    }

    /** The indicators the college's gateway answers for a question. */
    JsonNode indicators(String query) {
        return expect(200, college.get("/api/v1/demand/indicators?" + query, collegeVerifier)).json();
    }

    @Override
    public void close() {
        List.of(college, university, hardware, edu).forEach(TestGateway::close);
    }
}
