package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The chaincode under a JVM whose default charset is ASCII, as a chaincode service gets when it
 * starts without LANG (Java 17 takes the default charset from the locale). Run by its own surefire
 * execution with {@code -Dfile.encoding=ANSI_X3.4-1968} (its tag, chaincode/pom.xml), through the real shim
 * and the peer protocol: any {@code getBytes()} or {@code new String(bytes)} without a charset on
 * the way from a contract to the peer (ours, the shim's, the contract API's) turns the Chinese below
 * into {@code ?} and fails these tests. The display-text rule is checked here too, because the
 * chaincode, not the gateway, is where it is enforced.
 */
@Tag("ascii-default-charset")
class AsciiDefaultCharsetTest extends Consortium {

    private final String learner = newLearner();

    @Test
    void thisJvmReallyHasAnAsciiDefaultCharset() {
        assertThat(Charset.defaultCharset()).isEqualTo(StandardCharsets.US_ASCII);
    }

    @Test
    void aRefusalKeepsItsChineseText() {
        JsonNode refusal = refused(ledger.evaluate(COLLEGE_VERIFIER, "outcome:get", "CollegeMSP:数控-404"), "NOT_FOUND");
        assertThat(refusal.get("message").asText()).isEqualTo("no outcome CollegeMSP:数控-404");
    }

    @Test
    void recordsKeepTheirChineseText() {
        JsonNode issued = issue(COLLEGE_REGISTRAR, course("ASCII-1", learner));
        assertThat(issued.at("/draft/achievementTitle").asText()).isEqualTo("数控车床编程");
        assertThat(ok(ledger.evaluate(HARDWARE_VERIFIER, "institution:get", COLLEGE)).at("/profile/name").asText())
                .isEqualTo("广州五金职业技术学院");
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:suspend", "CollegeMSP:ASCII-1", "学术诚信调查中"));
        assertThat(ok(ledger.evaluate(HARDWARE_VERIFIER, "outcome:get", "CollegeMSP:ASCII-1")).toString())
                .contains("学术诚信调查中");
    }

    @Test
    void theChaincodeRefusesDisplayTextThatHidesReordersOrExecutes() {
        Map<String, Object> draft = course("TXT-1", learner);
        draft.put("achievementTitle", "证书\u202Efdp.exe");
        JsonNode refusal = refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issue", json(draft)), "INVALID_FIELD");
        assertThat(refusal.at("/violations/0/field").asText()).isEqualTo("achievementTitle");
        draft.put("achievementTitle", "=HYPERLINK(\"http://x\")");
        refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issue", json(draft)), "INVALID_FIELD");
        refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:revoke", "CollegeMSP:TXT-1", "\u200B"), "INVALID_FIELD");
    }

    @Test
    void theChaincodeRefusesAnUnpairedSurrogateEscapedInJson() {
        Map<String, Object> draft = course("SUR-1", learner);
        draft.put("achievementTitle", "数控SURROGATE");
        JsonNode refusal = refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issue",
                json(draft).replace("SURROGATE", "\\udc00")), "MALFORMED_INPUT");
        assertThat(refusal.get("message").asText()).contains("/achievementTitle", "U+DC00");
    }
}
