package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A registrar who knows a student only by the school's student number (学号) finds the account. */
class StudentNumberHttpTest {

    private final InMemoryLedger chain = new InMemoryLedger();
    private final TestGateway college;
    private final String registrar;

    StudentNumberHttpTest() throws IOException {
        assertThat(chain.submit(TestIdentity.admin("CollegeMSP"), "institution:register",
                CanonicalJson.toJson(Map.of("name", "广州五金职业技术学院", "type", "SCHOOL"))).ok()).isTrue();
        college = new TestGateway(new InProcessLedger(chain)
                .enroll("registrar1", TestIdentity.withRole("CollegeMSP", "registrar1", "registrar"))
                .enroll("gateway", TestIdentity.withRole("CollegeMSP", "gateway", "verifier")), "CollegeMSP", "gateway", 1 << 20);
        registrar = college.token(TokenRole.REGISTRAR, "registrar1", null);
    }

    @AfterEach
    void stop() {
        college.close();
    }

    @Test
    void theStudentNumberFindsTheAccountAndNothingElseDoes() {
        String account = college.post("/api/v1/learners", registrar, "").json().at("/record/accountNo").asText();
        byte[] personal = CanonicalJson.toJson(Map.of("accountNo", account, "name", "李小明",
                "salt", "0123456789abcdef0123456789abcdef", "studentNumber", "2024010123")).getBytes(StandardCharsets.UTF_8);
        assertThat(chain.submitWithTransient(TestIdentity.withRole("CollegeMSP", "registrar1", "registrar"),
                Map.of("personal", personal), "learner:putPersonalData").ok()).isTrue();

        Reply found = college.get("/api/v1/learners?studentNumber=2024010123", registrar);
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(found.json().get("accountNo").asText()).isEqualTo(account);

        Reply unknown = college.get("/api/v1/learners?studentNumber=2024019999", registrar);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("NOT_FOUND");
        Reply bad = college.get("/api/v1/learners?studentNumber=%3Cscript%3E", registrar);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("INVALID_FIELD");
        String learner = college.token(TokenRole.LEARNER, "gateway", account);
        assertThat(college.get("/api/v1/learners?studentNumber=2024010123", learner).status()).isEqualTo(403);
    }
}
