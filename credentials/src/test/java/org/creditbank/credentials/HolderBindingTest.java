package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.creditbank.credentials.VerificationReport.Check;
import org.creditbank.credentials.VerificationReport.Status;
import org.junit.jupiter.api.Test;

/**
 * A credential issued to a wallet names the wallet's DID as its subject, and keeps verifying as any
 * other; the wallet proves it holds that DID with a DID Authentication presentation made for one
 * exchange (its challenge and domain), which a copy for another exchange, a forged signature or
 * someone else's key cannot pass.
 */
class HolderBindingTest {

    static final Instant NOW = Instant.parse("2026-07-11T00:00:00Z");
    static final String CHALLENGE = "3f1c9f5e-8d55-4a55-9a6e-2f9a1b7c0d11";
    static final String DOMAIN = "college.example";

    private final TestInstitution college = TestInstitution.create("Org1MSP", "Example Vocational College",
            "college.example");
    private final CredentialIssuer issuer = new CredentialIssuer(college.identity, Clock.fixed(NOW, ZoneOffset.UTC));
    private final TestWallet wallet = new TestWallet();
    private final String holder = wallet.did;

    @Test
    void theCredentialsSubjectIsTheHoldersDidAndTheAccountStaysItsIdentifier() {
        String learner = TestInstitution.learner();
        ObjectNode vc = CredentialJson.parseObject(
                issuer.issueAchievement(college.outcome(learner), null, 4, holder), "vc");

        JsonNode subject = vc.path("credentialSubject");
        assertThat(subject.path("id").asText()).isEqualTo(holder);
        assertThat(subject.path("identifier").path(0).path("identityType").asText()).isEqualTo("accountId");
        assertThat(subject.path("identifier").path(0).path("identityHash").asText()).isEqualTo(learner);
        VerificationReport report = new CredentialVerifier(college.trustBundle()).verify(CredentialJson.write(vc), List.of(),
                NOW);
        assertThat(report.result(Check.SIGNATURE).orElseThrow().status()).as(report.toString()).isEqualTo(Status.PASSED);
    }

    @Test
    void aPresentationSignedByTheWalletForThisExchangeAuthenticatesItsDid() {
        assertThat(DidAuthentication.holder(presentation(p -> { }), CHALLENGE, DOMAIN, NOW)).isEqualTo(holder);
    }

    @Test
    void aPresentationForAnotherExchangeIsRefused() {
        JsonNode vp = presentation(p -> { });

        assertThatThrownBy(() -> DidAuthentication.holder(vp, "another-challenge", DOMAIN, NOW))
                .isInstanceOf(CredentialException.class).hasMessageContaining("challenge");
        assertThatThrownBy(() -> DidAuthentication.holder(vp, CHALLENGE, "elsewhere.example", NOW))
                .isInstanceOf(CredentialException.class).hasMessageContaining("domain");
    }

    @Test
    void aPresentationClaimingAnotherDidIsRefused() {
        String someoneElse = "did:key:" + Ed25519Keys.multikey(Ed25519Keys.generate().getPublic());
        JsonNode vp = presentation(p -> p.put("holder", someoneElse));

        assertThatThrownBy(() -> DidAuthentication.holder(vp, CHALLENGE, DOMAIN, NOW))
                .isInstanceOf(CredentialException.class).hasMessageContaining("verificationMethod");
    }

    @Test
    void anAlteredPresentationDoesNotVerify() {
        ObjectNode vp = presentation(p -> { });
        vp.put("id", "urn:uuid:00000000-0000-4000-8000-000000000000");

        assertThatThrownBy(() -> DidAuthentication.holder(vp, CHALLENGE, DOMAIN, NOW))
                .isInstanceOf(CredentialException.class).hasMessageContaining("signature");
    }

    @Test
    void onlyAnEd25519DidKeyIsAHolder() {
        JsonNode vp = presentation(p -> p.put("holder", "did:web:wallet.example"));

        assertThatThrownBy(() -> DidAuthentication.holder(vp, CHALLENGE, DOMAIN, NOW))
                .isInstanceOf(CredentialException.class).hasMessageContaining("did:key");
        assertThat(DidAuthentication.isEd25519DidKey(holder)).isTrue();
        assertThat(DidAuthentication.isEd25519DidKey("did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv"))
                .isFalse();
    }

    private ObjectNode presentation(Consumer<ObjectNode> edit) {
        return wallet.authenticate(CHALLENGE, DOMAIN, NOW, edit);
    }
}
