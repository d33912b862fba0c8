package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.model.key.Ed25519Multikey;
import org.junit.jupiter.api.Test;

/**
 * The Ed25519 credential-signing keys are registered and retired by each institution's admin only,
 * for its own organisation, endorsed by its own peers, with the ledger's times kept so that a key's
 * time in force is known for ever.
 */
class SigningKeyContractTest extends Consortium {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String newKey() {
        byte[] raw = new byte[Ed25519Multikey.KEY_BYTES];
        RANDOM.nextBytes(raw);
        return Ed25519Multikey.encode(raw);
    }

    private final String key = newKey();

    /** Not retired: the ledger's JSON leaves out a null retiredAt. */
    private static boolean inForce(JsonNode key) {
        return key.path("retiredAt").isMissingNode() || key.path("retiredAt").isNull();
    }

    @Test
    void anAdminRegistersAKeyForItsOwnInstitutionAtTheTransactionTime() {
        JsonNode registered = ok(ledger.submit(COLLEGE_ADMIN, "signingkey:register", key));

        assertThat(registered.get("mspId").asText()).isEqualTo(COLLEGE);
        assertThat(registered.get("publicKeyMultibase").asText()).isEqualTo(key).startsWith("z6Mk");
        Instant.parse(registered.get("registeredAt").asText());
        assertThat(inForce(registered)).isTrue();
        assertThat(ok(ledger.evaluate(HARDWARE_VERIFIER, "signingkey:listOf", COLLEGE))).hasSize(1);
        assertThat(ok(ledger.evaluate(HARDWARE_VERIFIER, "signingkey:listOf", UNIVERSITY))).isEmpty();
        assertThat(ledger.events()).extracting(InMemoryLedger.Event::name).contains("SigningKeyRegistered");
    }

    @Test
    void theKeyCanBeEndorsedOnlyByItsInstitutionsPeers() {
        ok(ledger.submit(COLLEGE_ADMIN, "signingkey:register", key));
        String stateKey = ledger.worldState().keySet().stream()
                .filter(k -> k.equals("\u0000signingkey\u0000" + COLLEGE + "\u0000" + key + "\u0000"))
                .findFirst().orElseThrow();

        byte[] policy = ledger.validationParameter(stateKey);

        assertThat(new String(policy, StandardCharsets.ISO_8859_1)).contains(COLLEGE).doesNotContain(UNIVERSITY);
    }

    @Test
    void onlyTheAdminMayRegisterOrRetire() {
        for (TestIdentity caller : new TestIdentity[] {COLLEGE_REGISTRAR, COLLEGE_VERIFIER, COLLEGE_NO_ROLE}) {
            refused(ledger.submit(caller, "signingkey:register", key), "ROLE_NOT_ALLOWED");
        }
        ok(ledger.submit(COLLEGE_ADMIN, "signingkey:register", key));
        refused(ledger.submit(COLLEGE_REGISTRAR, "signingkey:retire", key), "ROLE_NOT_ALLOWED");
        assertThat(inForce(ok(ledger.evaluate(COLLEGE_VERIFIER, "signingkey:listOf", COLLEGE)).get(0))).isTrue();
    }

    @Test
    void anotherInstitutionsAdminCannotRetireTheKey() {
        ok(ledger.submit(COLLEGE_ADMIN, "signingkey:register", key));

        refused(ledger.submit(UNIVERSITY_ADMIN, "signingkey:retire", key), "NOT_FOUND");

        assertThat(inForce(ok(ledger.evaluate(COLLEGE_VERIFIER, "signingkey:list")).get(0))).isTrue();
    }

    @Test
    void aRetiredKeyKeepsItsRegistrationTimeAndGetsItsRetirementTime() {
        JsonNode registered = ok(ledger.submit(COLLEGE_ADMIN, "signingkey:register", key));
        ledger.advanceClock(Duration.ofDays(30));
        String rotated = newKey();
        ok(ledger.submit(COLLEGE_ADMIN, "signingkey:register", rotated));

        JsonNode retired = ok(ledger.submit(COLLEGE_ADMIN, "signingkey:retire", key));

        assertThat(retired.get("registeredAt")).isEqualTo(registered.get("registeredAt"));
        assertThat(Instant.parse(retired.get("retiredAt").asText()))
                .isAfter(Instant.parse(registered.get("registeredAt").asText()).plus(Duration.ofDays(29)));
        assertThat(ok(ledger.evaluate(COLLEGE_VERIFIER, "signingkey:listOf", COLLEGE))).hasSize(2);
        assertThat(ok(ledger.submit(COLLEGE_ADMIN, "signingkey:retire", key))).isEqualTo(retired);
        refused(ledger.submit(COLLEGE_ADMIN, "signingkey:register", key), "INVALID_STATUS_TRANSITION");
    }

    @Test
    void registeringAKeyInForceAgainChangesNothing() {
        JsonNode first = ok(ledger.submit(COLLEGE_ADMIN, "signingkey:register", key));
        Map<String, String> state = ledger.worldState();

        assertThat(ok(ledger.submit(COLLEGE_ADMIN, "signingkey:register", key))).isEqualTo(first);
        assertThat(ledger.worldState()).isEqualTo(state);
    }

    @Test
    void somethingThatIsNotAnEd25519MultikeyIsRefusedWithTheFieldNamed() {
        String p256 = "zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169";
        for (String bad : new String[] {"", "z6Mk", p256, key.substring(1), key + "1"}) {
            JsonNode body = refused(ledger.submit(COLLEGE_ADMIN, "signingkey:register", bad), "INVALID_FIELD");
            assertThat(body.get("violations").findValuesAsText("field")).containsExactly("publicKeyMultibase");
        }
        refused(ledger.submit(COLLEGE_ADMIN, "signingkey:retire", "nonsense"), "INVALID_FIELD");
    }

    @Test
    void anUnregisteredOrganisationMustRegisterItsInstitutionFirst() {
        refused(ledger.submit(TestIdentity.admin("NobodyMSP"), "signingkey:register", key), "INSTITUTION_NOT_REGISTERED");
    }

    @Test
    void rolelessCallersCannotList() {
        refused(ledger.evaluate(COLLEGE_NO_ROLE, "signingkey:list"), "ROLE_NOT_ALLOWED");
    }
}
