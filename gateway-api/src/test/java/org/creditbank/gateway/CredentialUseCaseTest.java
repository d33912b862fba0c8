package org.creditbank.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.credentials.TestInstitution;
import org.creditbank.credentials.TrustBundle;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.auth.TokenRegistry;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.credential.CredentialService;
import org.creditbank.gateway.learner.LearnerService;
import org.creditbank.gateway.ledger.LedgerException;
import org.creditbank.gateway.credential.CredentialSetup;
import org.creditbank.gateway.http.Services;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.OutcomeDraft;
import org.junit.jupiter.api.Test;

/**
 * The credential use cases decide who may have a record signed, without the HTTP layer: called
 * directly, as a future route or a batch job would, a learner gets credentials only of their own
 * records and is told another learner's record is not there, exactly as when reading it.
 */
class CredentialUseCaseTest {

    private final InMemoryLedger chain = new InMemoryLedger();
    private final Services services;
    private final Principal registrar = new Principal("t1", TokenRole.REGISTRAR, "registrar1", null, null);

    CredentialUseCaseTest() throws IOException {
        InProcessLedger ledger = InProcessLedger.college(chain, "registrar1", "registrar");
        TestInstitution college = TestInstitution.create("CollegeMSP", "广州五金职业技术学院", "college.example");
        CredentialSetup setup = new CredentialSetup(college.identity,
                new TrustBundle(Map.of("CollegeMSP", List.of(college.caCertificate))), "http://127.0.0.1:1",
                Duration.ofMinutes(5), new TestClock(CredentialNetwork.START));
        services = GatewayMain.services(ledger, TokenRegistry.open(Files.createTempDirectory("tokens").resolve("t.json")),
                "CollegeMSP", "gateway", 2, new PrometheusRegistry(), setup, TestGateway.shareStore());
    }

    private static Principal learner(String accountNo) {
        return new Principal("t2", TokenRole.LEARNER, "gateway", accountNo, null);
    }

    private String account() {
        return services.learners().openAccount(registrar, null).record().accountNo();
    }

    @Test
    void aLearnerGetsCredentialsOfTheirOwnRecordsAndAnotherLearnersLookAbsent() {
        String own = account();
        String other = account();
        OutcomeDraft draft = CanonicalJson.read(CanonicalJson.toJson(Drafts.course("U-1", own)), OutcomeDraft.class);
        String id = services.outcomes().issue(registrar, draft).record().id();
        CredentialService credentials = services.credentials();

        assertThat(credentials.outcomeCredential(learner(own), id)).contains(id);
        assertThat(credentials.outcomeCredential(registrar, id)).contains(id);
        assertThat(credentials.transcriptCredential(learner(own), own, List.of())).contains(id);

        ApiException outcome = catchThrowableOfType(() -> credentials.outcomeCredential(learner(other), id),
                ApiException.class);
        ApiException transcript = catchThrowableOfType(() -> credentials.transcriptCredential(learner(other), own,
                List.of()), ApiException.class);
        assertThat(outcome.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(outcome.getMessage()).isEqualTo("no outcome " + id).doesNotContain(own);
        assertThat(transcript.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(transcript.getMessage()).isEqualTo("no learner account " + own);
    }

    @Test
    void theLearnersNameIsOnTheCredentialOnlyWhenTheyAskAndOnlyWhileTheInstitutionHoldsIt() {
        String own = account();
        OutcomeDraft draft = CanonicalJson.read(CanonicalJson.toJson(Drafts.course("U-2", own)), OutcomeDraft.class);
        String id = services.outcomes().issue(registrar, draft).record().id();
        services.learners().putPersonalData(registrar, own, new LearnerService.PersonalDetails("李小明", null, null, null));
        CredentialService credentials = services.credentials();

        assertThat(CanonicalJson.read(credentials.outcomeCredential(learner(own), id, true), JsonNode.class)
                .at("/credentialSubject/name").asText()).isEqualTo("李小明");
        assertThat(credentials.outcomeCredential(learner(own), id, false)).doesNotContain("李小明");

        services.learners().purgePersonalData(registrar, own);
        LedgerException erased = catchThrowableOfType(() -> credentials.outcomeCredential(learner(own), id, true),
                LedgerException.class);
        assertThat(erased.refusal().orElseThrow().code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(credentials.outcomeCredential(learner(own), id, false)).contains(id);
    }
}
