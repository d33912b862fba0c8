package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.InMemoryLedger.BlockResult;
import org.creditbank.chaincode.testing.InMemoryLedger.Call;
import org.creditbank.model.TrafficLight;
import org.creditbank.model.demand.MajorIndicator;
import org.creditbank.model.demand.MajorIndicators;
import org.creditbank.model.demand.PublishedThresholds;
import org.creditbank.model.demand.Quarter;
import org.creditbank.model.demand.SchoolMajor;
import org.creditbank.model.demand.SupplyCount;
import org.creditbank.model.demand.TalentDemand;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.Test;

/**
 * Talent demand on the contracts: only an enterprise publishes, updates and withdraws its own
 * demand, a read shows every version; schools publish their majors, the education department the
 * warning thresholds, versioned; and what the ledger holds is what the indicators are computed from.
 */
class DemandTest extends Consortium {

    static final String WELDER = "6-18-02-04";

    DemandTest() {
        register(PointsTest.EDU_ADMIN, "广东省教育厅", "AUTHORITY");
        register(PointsTest.TOOLS_ADMIN, "精工工具公司", "ENTERPRISE");
    }

    static Map<String, Object> demand(String localId, int headcount, String period) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", localId);
        request.put("occupationCode", WELDER);
        request.put("headcount", headcount);
        request.put("region", "440600");
        request.put("period", period);
        return request;
    }

    static Map<String, Object> major(int version, List<String> occupations) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("majorCode", "460104");
        terms.put("name", "焊接技术与自动化");
        terms.put("version", version);
        terms.put("occupationCodes", occupations);
        return terms;
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

    @Test
    void anEnterpriseUpdatesItsDemandAsPlansChangeAndAReadShowsEveryVersion() {
        String id = ok(ledger.submit(HARDWARE_REGISTRAR, "demand:publish", json(demand("2027-WELD", 40, "2027-Q1")))).get("id").asText();
        assertThat(id).isEqualTo("HardwareCoMSP:dem:2027-WELD");
        assertThat(ledger.submit(HARDWARE_REGISTRAR, "demand:publish", json(demand("2027-WELD", 40, "2027-Q1"))).changed())
                .as("a retried publication writes nothing").isFalse();
        refused(ledger.submit(HARDWARE_REGISTRAR, "demand:publish", json(demand("2027-WELD", 50, "2027-Q1"))), "CONFLICT");

        JsonNode updated = ok(ledger.submit(HARDWARE_REGISTRAR, "demand:update", json(demand("2027-WELD", 55, "2027-Q1"))));
        assertThat(updated.get("version").asInt()).isEqualTo(2);
        assertThat(ledger.submit(HARDWARE_REGISTRAR, "demand:update", json(demand("2027-WELD", 55, "2027-Q1"))).changed())
                .as("a retried update writes nothing").isFalse();
        refused(ledger.submit(HARDWARE_REGISTRAR, "demand:update", json(demand("2027-NONE", 5, "2027-Q1"))), "NOT_FOUND");

        JsonNode read = ok(ledger.evaluate(COLLEGE_VERIFIER, "demand:get", id));
        assertThat(read.at("/current/request/headcount").asInt()).isEqualTo(55);
        assertThat(read.get("history")).hasSize(2);
        assertThat(read.at("/history/0/record/request/headcount").asInt()).isEqualTo(40);
        assertThat(read.at("/history/1/changedFields").toString()).contains("request").contains("version");
    }

    @Test
    void onlyTheEnterpriseThatPublishedADemandWithdrawsItAndAWithdrawnDemandStaysWithdrawn() {
        String id = ok(ledger.submit(HARDWARE_REGISTRAR, "demand:publish", json(demand("2027-WELD", 40, "2027-Q1")))).get("id").asText();
        refused(ledger.submit(COLLEGE_REGISTRAR, "demand:publish", json(demand("X", 1, "2027-Q1"))), "INSTITUTION_TYPE_NOT_ALLOWED");
        refused(ledger.submit(PointsTest.EDU_REGISTRAR, "demand:withdraw", id, "撤回"), "INSTITUTION_TYPE_NOT_ALLOWED");
        refused(ledger.submit(PointsTest.TOOLS_REGISTRAR, "demand:withdraw", id, "撤回"), "ORG_NOT_ALLOWED");
        refused(ledger.submit(HARDWARE_VERIFIER, "demand:withdraw", id, "撤回"), "ROLE_NOT_ALLOWED");

        JsonNode withdrawn = ok(ledger.submit(HARDWARE_REGISTRAR, "demand:withdraw", id, "订单取消"));
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("statusReason").asText()).isEqualTo("订单取消");
        refused(ledger.submit(HARDWARE_REGISTRAR, "demand:withdraw", id, "再次"), "INVALID_STATUS_TRANSITION");
        refused(ledger.submit(HARDWARE_REGISTRAR, "demand:update", json(demand("2027-WELD", 1, "2027-Q1"))),
                "INVALID_STATUS_TRANSITION");
        assertThat(ok(ledger.evaluate(COLLEGE_VERIFIER, "demand:get", id)).get("history")).hasSize(2);
    }

    @Test
    void aDemandNamesAListedOccupationAndRegionAndAQuarter() {
        Map<String, Object> bad = demand("BAD", 40, "2027");
        bad.put("occupationCode", "9-99-99-99");
        bad.put("region", "Guangdong");
        JsonNode refusal = refused(ledger.submit(HARDWARE_REGISTRAR, "demand:publish", json(bad)), "INVALID_FIELD");
        assertThat(refusal.findValuesAsText("field")).containsExactly("occupationCode", "region", "period");
    }

    @Test
    void demandOfTwoEnterprisesInOneBlockAllCommits() {
        Map<String, String> before = ledger.worldState();
        List<BlockResult> block = ledger.submitInOneBlock(List.of(
                Call.of(HARDWARE_REGISTRAR, "demand:publish", json(demand("2027-A", 10, "2027-Q1"))),
                Call.of(HARDWARE_REGISTRAR, "demand:publish", json(demand("2027-B", 10, "2027-Q1"))),
                Call.of(PointsTest.TOOLS_REGISTRAR, "demand:publish", json(demand("2027-A", 10, "2027-Q1")))));
        assertThat(block).extracting(BlockResult::validation).containsExactly("VALID", "VALID", "VALID");
        Map<String, String> after = new HashMap<>(ledger.worldState());
        after.keySet().removeAll(before.keySet());
        assertThat(after.keySet()).as("one key per demand, nothing shared").hasSize(3).allMatch(k -> k.contains("demand"));
    }

    @Test
    void aSchoolPublishesVersionsOfItsMajorsAndOnlyTheAuthorityPublishesThresholds() {
        refused(ledger.submit(HARDWARE_REGISTRAR, "demand:publishMajor", json(major(1, List.of(WELDER)))),
                "INSTITUTION_TYPE_NOT_ALLOWED");
        ok(ledger.submit(COLLEGE_REGISTRAR, "demand:publishMajor", json(major(1, List.of(WELDER)))));
        assertThat(ledger.submit(COLLEGE_REGISTRAR, "demand:publishMajor", json(major(1, List.of(WELDER)))).changed()).isFalse();
        refused(ledger.submit(COLLEGE_REGISTRAR, "demand:publishMajor", json(major(1, List.of(WELDER, "6-30-99-00")))), "CONFLICT");
        refused(ledger.submit(COLLEGE_REGISTRAR, "demand:publishMajor", json(major(3, List.of(WELDER)))), "INVALID_FIELD");
        refused(ledger.submit(COLLEGE_REGISTRAR, "demand:publishMajor", json(major(2, List.of("0-00-00-00")))), "INVALID_FIELD");
        ok(ledger.submit(COLLEGE_REGISTRAR, "demand:publishMajor", json(major(2, List.of(WELDER, "6-30-99-00")))));
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "demand:publishMajor", json(major(1, List.of("6-30-99-00")))));

        JsonNode versions = ok(ledger.evaluate(HARDWARE_VERIFIER, "demand:getMajor", COLLEGE, "460104"));
        assertThat(versions.findValuesAsText("version")).containsExactly("1", "2");
        refused(ledger.evaluate(HARDWARE_VERIFIER, "demand:getMajor", HARDWARE, "460104"), "NOT_FOUND");

        refused(ledger.submit(COLLEGE_REGISTRAR, "demand:publishThresholds", json(thresholds(1))), "INSTITUTION_TYPE_NOT_ALLOWED");
        Map<String, Object> unordered = thresholds(1);
        unordered.put("redBelow", 0.9);
        refused(ledger.submit(PointsTest.EDU_REGISTRAR, "demand:publishThresholds", json(unordered)), "INVALID_FIELD");
        ok(ledger.submit(PointsTest.EDU_REGISTRAR, "demand:publishThresholds", json(thresholds(1))));
        assertThat(ok(ledger.evaluate(COLLEGE_VERIFIER, "demand:listThresholds")).findValuesAsText("publisher"))
                .containsExactly(PointsTest.EDU);
    }

    @Test
    void theIndicatorsAreComputedFromWhatTheLedgerHolds() {
        List<String> ids = new ArrayList<>();
        String[] quarters = {"2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"};
        for (int i = 0; i < quarters.length; i++) {
            ids.add(ok(ledger.submit(HARDWARE_REGISTRAR, "demand:publish", json(demand("W-" + i, 10 * (i + 1), quarters[i]))))
                    .get("id").asText());
        }
        ok(ledger.submit(HARDWARE_REGISTRAR, "demand:withdraw", ids.get(0), "计划取消"));
        ok(ledger.submit(COLLEGE_REGISTRAR, "demand:publishMajor", json(major(1, List.of(WELDER)))));
        ok(ledger.submit(PointsTest.EDU_REGISTRAR, "demand:publishThresholds", json(thresholds(1))));

        List<TalentDemand> demand = ids.stream().map(id -> CanonicalJson.read(
                ok(ledger.evaluate(COLLEGE_VERIFIER, "demand:get", id)).get("current").toString(), TalentDemand.class)).toList();
        SchoolMajor major = CanonicalJson.read(ok(ledger.evaluate(COLLEGE_VERIFIER, "demand:getMajor", COLLEGE, "460104"))
                .get(0).toString(), SchoolMajor.class);
        PublishedThresholds thresholds = CanonicalJson.read(ok(ledger.evaluate(COLLEGE_VERIFIER, "demand:listThresholds"))
                .get(0).toString(), PublishedThresholds.class);

        List<MajorIndicator> indicators = MajorIndicators.compute(demand, List.of(major),
                List.of(new SupplyCount(WELDER, "2027-Q1", 30)), thresholds.thresholds(),
                Quarter.parse("2027-Q1").orElseThrow(), Quarter.parse("2027-Q1").orElseThrow(), "440600");

        // D over 2026-Q2 … 2027-Q1 = 0 (withdrawn), 20, 30, 40; S(2027-Q1) = 30: 30/40 = 0.75 is below 0.8.
        assertThat(indicators).singleElement().satisfies(i -> {
            assertThat(i.demand()).isEqualTo(40);
            assertThat(i.gap()).isEqualTo(10);
            assertThat(i.warning()).isEqualTo(TrafficLight.YELLOW);
            assertThat(i.demandTrend()).isEqualByComparingTo("13"); // (−18·0 − 6·20 + 6·30 + 18·40) / 60 = 780 / 60
        });
    }
}
