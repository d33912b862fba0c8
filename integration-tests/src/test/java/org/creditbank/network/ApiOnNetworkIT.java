package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.auth.TokenRegistry;
import org.creditbank.model.institution.InstitutionProfile;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.network.RunningGateways.Gateway;
import org.creditbank.network.RunningGateways.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The system as scripts/up delivers it: the four members' gateway processes, each on its own
 * peer and chaincode service, reached over HTTP with the tokens the scripts made. Together with
 * {@link VerifyPageOnNetworkIT} these tests call every route the gateways document in
 * {@code /openapi.json}; the last test fails if one was left out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiOnNetworkIT {

    private static final String RUN = "API" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

    private static Gateway college;
    private static Gateway university;
    private static Gateway hardware;
    private static Gateway edu;

    @BeforeAll
    static void gateways() {
        college = RunningGateways.of("college");
        university = RunningGateways.of("university");
        hardware = RunningGateways.of("hardware");
        edu = RunningGateways.of("edu");
    }

    @Test
    @Order(1)
    void publicRoutesAnswerWithoutAToken() {
        assertThat(college.get("/healthz", null).json().get("status").asText()).isEqualTo("up");
        assertThat(college.get("/readyz", null).json().get("status").asText()).isEqualTo("ready");
        assertThat(college.get("/metrics", null).body()).contains("creditbank_http_requests_total");
        Reply page = college.get("/verify", null);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("verify.js");
        assertThat(college.get("/verify/verify.js", null).contentType()).startsWith("text/javascript");
        assertThat(college.get("/verify/verify.css", null).contentType()).startsWith("text/css");
        assertThat(college.get("/registrar", null).body()).contains("/registrar/registrar.js");
        assertThat(college.get("/registrar/registrar.js", null).contentType()).startsWith("text/javascript");
        assertThat(college.get("/registrar/registrar.css", null).contentType()).startsWith("text/css");
        JsonNode issuer = college.get("/.well-known/creditbank/issuer.json", null).json();
        assertThat(issuer.toString()).contains("CollegeMSP");
        // Every institution registered its profile when the network came up.
        JsonNode institutions = hardware.get("/api/v1/institutions", hardware.verifierToken()).json();
        assertThat(institutions.toString()).contains("CollegeMSP", "UniversityMSP", "HardwareCoMSP", "广州五金职业技术学院");
        assertThat(university.get("/api/v1/institutions/me", university.registrarToken()).json().toString())
                .contains("UniversityMSP", "应用技术大学");
        assertThat(college.get("/api/v1/institutions", null).status()).isEqualTo(401);
        // Anyone can reach the public verify route: a null body is their mistake, answered as such.
        college.post("/api/v1/verify", null, "null").assertProblem(400, "MALFORMED_INPUT");
    }

    @Test
    @Order(2)
    void aTermIsIssuedCorrectedRecognisedAndReadAcrossInstitutions() {
        String learner = college.openAccount();
        String registrar = college.registrarToken();

        Reply single = college.post("/api/v1/outcomes", registrar, Drafts.course(RUN + "-1", learner));
        assertThat(single.status()).as(single.body()).isEqualTo(201);
        String id = single.json().at("/record/id").asText();
        Reply batch = college.post("/api/v1/outcomes/batch", registrar,
                Map.of("items", List.of(Drafts.course(RUN + "-2", learner), Drafts.course(RUN + "-3", learner))));
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        assertThat(batch.json().get("record")).hasSize(2);

        // Suspend, reinstate, revoke: each a transaction with its reason, all in the history.
        String second = batch.json().at("/record/0/id").asText();
        assertThat(college.post("/api/v1/outcomes/" + second + "/suspend", registrar, Map.of("reason", "核查中")).status())
                .isEqualTo(201);
        assertThat(college.post("/api/v1/outcomes/" + second + "/reinstate", registrar, Map.of("reason", "核查无误")).status())
                .isEqualTo(201);
        assertThat(college.post("/api/v1/outcomes/" + second + "/revoke", registrar, Map.of("reason", "录入错误")).status())
                .isEqualTo(201);
        JsonNode history = hardware.get("/api/v1/outcomes/" + second + "/history", hardware.verifierToken()).json();
        assertThat(history.toString()).contains("核查中", "核查无误", "录入错误");
        assertThat(hardware.get("/api/v1/outcomes/" + second, hardware.verifierToken()).json().get("status").asText())
                .isEqualTo("REVOKED");

        // The university publishes a rule, recognises the college's course by it, then retires it.
        String ruleCode = "R" + RUN;
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("code", ruleCode);
        rule.put("version", 1);
        rule.put("kind", "COURSE");
        rule.put("achievementCode", Drafts.course("x", learner).get("achievementCode"));
        rule.put("match", "EXACT");
        rule.put("target", Map.of("courseCode", "ME210", "title", "数控加工技术"));
        rule.put("creditsPerOutcome", 2);
        String uni = university.registrarToken();
        Reply published = university.post("/api/v1/rules", uni, rule);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(hardware.get("/api/v1/rules?owner=UniversityMSP", hardware.verifierToken()).body()).contains(ruleCode);
        Reply recognised = university.post("/api/v1/recognitions", uni, Map.of("localId", RUN, "learner", learner,
                "sourceOutcomeIds", List.of(id), "method", "RULE", "ruleCode", ruleCode, "ruleVersion", 1));
        assertThat(recognised.status()).as(recognised.body()).isEqualTo(201);
        String recognitionId = recognised.json().at("/record/recognition/id").asText();
        assertThat(hardware.get("/api/v1/recognitions/" + recognitionId, hardware.verifierToken()).json().toString())
                .contains(id, "ME210");
        // The same outcome is never counted twice.
        Reply twice = university.post("/api/v1/recognitions", uni, Map.of("localId", RUN + "-again", "learner", learner,
                "sourceOutcomeIds", List.of(id), "method", "RULE", "ruleCode", ruleCode, "ruleVersion", 1));
        twice.assertProblem(409, "ALREADY_RECOGNISED");
        Reply retired = university.post("/api/v1/rules/" + ruleCode + "/versions/1/retire", uni, Map.of("reason", "课程调整"));
        assertThat(retired.status()).as(retired.body()).isEqualTo(201);

        JsonNode transcript = hardware.get("/api/v1/learners/" + learner + "/transcript", hardware.verifierToken()).json();
        assertThat(transcript.at("/totals/recognisedCredits").asInt()).isEqualTo(2);
        assertThat(transcript.toString()).contains(id, second, recognitionId);

        // Anyone may verify a record by id and content hash.
        String hash = single.json().at("/record/contentHash").asText();
        assertThat(hardware.post("/api/v1/verify", null, Map.of("recordId", id, "contentHash", hash)).json()
                .get("verdict").asText()).isEqualTo("VALID");
        assertThat(hardware.post("/api/v1/verify", null, Map.of("recordId", second, "contentHash",
                batch.json().at("/record/0/contentHash").asText())).json().get("verdict").asText()).isEqualTo("REVOKED");
        // Without the content (a wrong hash) a stranger learns nothing: not the status, not the reason, not
        // even that the record exists. The answer is the one an unknown id gets.
        String wrong = "ef".repeat(32);
        Reply stranger = hardware.post("/api/v1/verify", null, Map.of("recordId", second, "contentHash", wrong));
        Reply unknown = hardware.post("/api/v1/verify", null, Map.of("recordId", "CollegeMSP:" + RUN + "-none",
                "contentHash", wrong));
        assertThat(stranger.json().get("verdict").asText()).as(stranger.body()).isEqualTo("NO_MATCH");
        assertThat(stranger.body()).doesNotContain("REVOKED", "录入错误");
        assertThat(withoutIdAndTime(stranger.json())).isEqualTo(withoutIdAndTime(unknown.json()));
    }

    private static JsonNode withoutIdAndTime(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove(List.of("recordId", "checkedAt"));
        return copy;
    }

    @Test
    @Order(3)
    void aSpreadsheetIsCheckedThenImportedAndImportingItAgainAddsNothing() {
        String learner = college.openAccount();
        String header = "localId,learner,kind,achievementCode,achievementTitle,category,credits,hours,level,"
                + "resultScale,resultValue,activityStart,activityEnd,validUntil,evidenceHash,evidenceUri\n";
        StringBuilder csv = new StringBuilder(header);
        for (int i = 1; i <= 3; i++) {
            csv.append(RUN).append("-CSV-").append(i).append(',').append(learner)
                    .append(",COURSE,MECH110,机械制图,专业基础,4,64,4,PERCENTAGE,").append(70 + i)
                    .append(",2026-03-02,2026-07-10,,").append("ab".repeat(32)).append(",\n");
        }
        String registrar = college.registrarToken();

        JsonNode dry = college.postCsv("/api/v1/imports/outcomes?dryRun=true", registrar, csv.toString()).json();
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.at("/created/count").asInt()).as("rows it would create").isEqualTo(3);
        assertThat(college.get("/api/v1/outcomes/CollegeMSP:" + RUN + "-CSV-1", registrar).status())
                .as("a dry run writes nothing").isEqualTo(404);

        JsonNode real = college.postCsv("/api/v1/imports/outcomes?dryRun=false", registrar, csv.toString()).json();
        assertThat(real.at("/created/spans").toString()).isEqualTo("[{\"first\":2,\"last\":4}]");
        JsonNode again = college.postCsv("/api/v1/imports/outcomes?dryRun=false", registrar, csv.toString()).json();
        assertThat(again.at("/created/count").asInt()).isZero();
        assertThat(again.at("/existing/count").asInt()).isEqualTo(3);
        assertThat(again.get("batches").findValues("txId")).as("importing it again writes no transaction").isEmpty();
        assertThat(hardware.get("/api/v1/learners/" + learner + "/transcript", hardware.verifierToken()).json()
                .toString()).contains(RUN + "-CSV-1", RUN + "-CSV-2", RUN + "-CSV-3");

        Reply bad = college.postCsv("/api/v1/imports/outcomes?dryRun=false", registrar,
                header + RUN + "-CSV-4," + learner + ",COURSE,MECH110,机械制图,,400,,,PERCENTAGE,70,2026-03-02,2026-07-10,,"
                        + "ab".repeat(32) + ",\n");
        bad.assertProblem(422, "IMPORT_HAS_INVALID_ROWS");
    }

    @Test
    @Order(4)
    void aCredentialCarriesItsStatusListAndTheListFollowsTheLedger() {
        String learner = college.openAccount();
        String registrar = college.registrarToken();
        String id = college.issueCourse(RUN + "-VC", learner);
        String kept = college.issueCourse(RUN + "-VC2", learner);
        String credential = college.get("/api/v1/outcomes/" + id + "/credential", registrar).body();
        JsonNode vc = CanonicalJson.read(credential, JsonNode.class);

        // One status entry, revocation, as Open Badges 3.0 allows: a suspension is the ledger's to say.
        JsonNode revocation = vc.get("credentialStatus");
        assertThat(revocation.isObject()).as(revocation.toString()).isTrue();
        assertThat(revocation.get("statusPurpose").asText()).isEqualTo("revocation");
        assertThat(bitInList(revocation)).isFalse();

        Reply verdict = hardware.post("/api/v1/credentials/verify", null, credential);
        assertThat(verdict.json().get("verdict").asText()).as(verdict.body()).isEqualTo("VALID");
        // Both proofs of the set, and the issuer's own did:web document names both keys.
        assertThat(vc.get("proof").findValuesAsText("cryptosuite")).containsExactly("ecdsa-rdfc-2019", "eddsa-rdfc-2022");
        assertThat(verdict.body()).contains("EDDSA_SIGNATURE", "EDDSA_KEY_REGISTERED").doesNotContain("FAILED");
        JsonNode did = college.get("/.well-known/did.json", null).json();
        assertThat(did.get("id").asText()).isEqualTo(vc.at("/issuer/id").asText());
        assertThat(did.toString()).contains(vc.get("proof").get(0).get("verificationMethod").asText(),
                vc.get("proof").get(1).get("verificationMethod").asText());
        // The registered name with the English one the consortium file gives the college.
        assertThat(vc.at("/issuer/name").asText()).isEqualTo(CanonicalJson.read(CanonicalJson.toJson(
                LiveNetwork.Org.COLLEGE.profile()), InstitutionProfile.class).credentialName());
        Reply qr = hardware.post("/api/v1/credentials/qr", null, credential);
        assertThat(qr.contentType()).startsWith("image/svg+xml");
        assertThat(qr.body()).startsWith("<svg");

        college.post("/api/v1/outcomes/" + id + "/suspend", registrar, Map.of("reason", "核查中"));
        assertThat(bitInList(revocation)).as("revocation bit after suspend").isFalse();
        JsonNode suspended = college.post("/api/v1/credentials/verify", null, credential).json();
        assertThat(suspended.get("verdict").asText()).as(suspended.toString()).isEqualTo("INVALID");
        assertThat(checkOf(suspended, "LEDGER_RECORD").get("status").asText()).isEqualTo("FAILED");
        assertThat(checkOf(suspended, "LEDGER_RECORD").get("reason").asText()).contains("核查中");
        assertThat(checkOf(suspended, "REVOCATION").get("status").asText()).isEqualTo("PASSED");
        assertThat(checkOf(suspended, "SUSPENSION").get("status").asText()).isEqualTo("NOT_CHECKED");
        college.post("/api/v1/outcomes/" + id + "/revoke", registrar, Map.of("reason", "证书作废"));
        assertThat(bitInList(revocation)).as("revocation bit after revoke").isTrue();
        assertThat(hardware.post("/api/v1/credentials/verify", null, credential).json().get("verdict").asText())
                .isEqualTo("INVALID");

        // The learner's transcript as one signed credential, disclosing only the record asked for. It holds
        // only what is in force: the revoked record is left out, and asking to disclose it says why.
        String transcriptPath = "/api/v1/learners/" + learner + "/transcript-credential";
        JsonNode transcript = college.get(transcriptPath + "?disclose=" + kept, registrar).json();
        assertThat(transcript.at("/transcript/credentialSubject/entryCount").asInt()).isEqualTo(1);
        assertThat(transcript.get("disclosures")).hasSize(1);
        assertThat(transcript.get("disclosures").toString()).contains(kept).doesNotContain("\"" + id + "\"");
        college.get(transcriptPath + "?disclose=" + id, registrar).assertProblem(422, "CREDENTIAL_NOT_ISSUABLE");
        Reply checked = hardware.post("/api/v1/credentials/verify", null, transcript.toString());
        assertThat(checked.json().get("verdict").asText()).as(checked.body()).isEqualTo("VALID");
        // Revoked after the transcript was signed: every gateway asks the ledger and says so.
        college.post("/api/v1/outcomes/" + kept + "/revoke", registrar, Map.of("reason", "证书作废 withdrawn"));
        for (Gateway gateway : List.of(hardware, college)) {
            JsonNode later = gateway.post("/api/v1/credentials/verify", null, transcript.toString()).json();
            assertThat(later.get("verdict").asText()).as(later.toString()).isEqualTo("INVALID");
            assertThat(later.get("summary").asText()).contains(kept, "withdrawn");
        }
    }

    @Test
    @Order(5)
    void aLearnerTakesACredentialIntoWalletsNobodyHereWroteAndItIsBoundToTheWalletsKey() throws Exception {
        String learner = college.openAccount();
        String id = college.issueCourse(RUN + "-WALLET", learner);
        String student = learnerToken(college, learner, id);
        JsonNode metadata = college.get("/.well-known/openid-credential-issuer", null).json();
        assertThat(metadata.path("credential_issuer").asText()).isEqualTo(college.baseUrl());
        assertThat(college.get("/.well-known/oauth-authorization-server", null).json().path("token_endpoint").asText())
                .isEqualTo(college.baseUrl() + "/oid4vci/token");

        // OpenID4VCI 1.0, pre-authorized code flow: the OpenWallet Foundation's client, a P-256 and an Ed25519 key.
        List<JsonNode> collected = new ArrayList<>();
        for (String key : List.of("es256", "eddsa")) {
            JsonNode offer = college.post("/api/v1/outcomes/" + id + "/wallet-offers", student, "").json();
            assertThat(offer.path("credentialOffer").asText()).hasSizeLessThan(200);
            IndependentWallet.Collected byOid4vci = IndependentWallet.collect("oid4vci",
                    offer.path("credentialOffer").asText(), key);
            assertThat(byOid4vci.holder()).startsWith("did:jwk:");
            assertThat(byOid4vci.credential().at("/credentialSubject/id").asText()).isEqualTo(byOid4vci.holder());
            collected.add(byOid4vci.credential());
            // Collected: the offer, its code and its token are spent.
            String offerPath = URLDecoder.decode(offer.path("credentialOffer").asText().split("=", 2)[1],
                    StandardCharsets.UTF_8).substring(college.baseUrl().length());
            college.get(offerPath, null).assertProblem(400, "OFFER_NOT_VALID");
        }
        college.postForm("/oid4vci/token", "grant_type=authorization_code").assertProblem(400, "INVALID_FIELD");
        assertThat(college.post("/oid4vci/nonce", null, "").json().path("c_nonce").asText()).isNotBlank();
        Reply noToken = college.post("/oid4vci/credential", null, "{}", Map.of("Authorization", "Bearer spent"));
        noToken.assertProblem(401, "UNAUTHENTICATED");
        assertThat(noToken.json().path("error").asText()).isEqualTo("invalid_token");

        // A VC-API exchange, the Learner Credential Wallet's way: DID Authentication signed with Digital Bazaar's library.
        JsonNode offer = college.post("/api/v1/outcomes/" + id + "/wallet-offers", student, "").json();
        IndependentWallet.Collected byVcApi = IndependentWallet.collect("vcapi", offer.path("interactionUrl").asText());
        assertThat(byVcApi.holder()).startsWith("did:key:z6Mk");
        assertThat(byVcApi.credential().at("/credentialSubject/id").asText()).isEqualTo(byVcApi.holder());
        collected.add(byVcApi.credential());
        String exchange = offer.path("exchange").asText().substring(college.baseUrl().length());
        college.get(exchange + "/protocols", null).assertProblem(400, "OFFER_NOT_VALID");
        college.post(exchange, null, "{}").assertProblem(400, "OFFER_NOT_VALID");

        // Each wallet's credential names the learner's account, verifies at another institution, and follows the ledger.
        for (JsonNode credential : collected) {
            assertThat(credential.at("/credentialSubject/identifier/0/identityHash").asText()).isEqualTo(learner);
            Reply verdict = hardware.post("/api/v1/credentials/verify", null, credential.toString());
            assertThat(verdict.json().path("verdict").asText()).as(verdict.body()).isEqualTo("VALID");
        }
        college.post("/api/v1/outcomes/" + id + "/revoke", college.registrarToken(), Map.of("reason", "证书作废"));
        for (JsonNode credential : collected) {
            assertThat(hardware.post("/api/v1/credentials/verify", null, credential.toString()).json().path("verdict")
                    .asText()).isEqualTo("INVALID");
        }
    }

    /** A new learner token for {@code learner}, once the gateway has read it (it re-reads its token file within seconds). */
    private static String learnerToken(Gateway gateway, String learner, String recordId) throws InterruptedException {
        String token = TokenRegistry.open(RunningGateways.tokensFile(gateway.org()))
                .create(TokenRole.LEARNER, "gateway", learner, "network test " + RUN);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (gateway.get("/api/v1/outcomes/" + recordId, token).status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return token;
    }

    @Test
    @Order(6)
    void aRecognitionCredentialOfTheUniversityFailsOnceItsSourceIsRevokedAtTheCollege() throws InterruptedException {
        String learner = college.openAccount();
        String source = college.issueCourse(RUN + "-RC", learner);
        Reply recognised = university.post("/api/v1/recognitions", university.registrarToken(), Map.of(
                "localId", RUN + "-RC", "learner", learner, "sourceOutcomeIds", List.of(source), "method", "MANUAL",
                "target", Map.of("courseCode", "ME210", "title", "数控加工技术"), "credits", 2,
                "justification", "课程内容一致"));
        assertThat(recognised.status()).as(recognised.body()).isEqualTo(201);
        String recognition = recognised.json().at("/record/recognition/id").asText();

        // The learner downloads the decision, signed by the university, with the token the university gave them.
        String student = TokenRegistry.open(RunningGateways.tokensFile("university"))
                .create(TokenRole.LEARNER, "gateway", learner, "network test " + RUN);
        String path = "/api/v1/recognitions/" + recognition + "/credential";
        Reply download = getWithin(university, path, student, 200);
        assertThat(download.status()).as(download.body()).isEqualTo(200);
        String credential = download.body();
        JsonNode vc = CanonicalJson.read(credential, JsonNode.class);
        assertThat(vc.at("/issuer/mspId").asText()).isEqualTo("UniversityMSP");
        assertThat(vc.at("/evidence/0/ledgerRecordId").asText()).isEqualTo(recognition);
        assertThat(vc.at("/evidence/1/sourceRecordId").asText()).isEqualTo(source);
        assertThat(vc.at("/evidence/1/sourceIssuer").asText()).isEqualTo("CollegeMSP");
        JsonNode status = vc.get("credentialStatus");
        JsonNode revocation = status.isArray() ? status.get(0) : status;
        assertThat(revocation.get("statusPurpose").asText()).isEqualTo("revocation");
        assertThat(bitInList(revocation)).isFalse();
        Reply valid = hardware.post("/api/v1/credentials/verify", null, credential);
        assertThat(valid.json().get("verdict").asText()).as(valid.body()).isEqualTo("VALID");

        // The college revokes the source: the university's list and every gateway's verdict follow.
        Reply revoked = college.post("/api/v1/outcomes/" + source + "/revoke", college.registrarToken(),
                Map.of("reason", "成绩作废 withdrawn"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(201);
        assertThat(bitInList(revocation)).as("the recognition's revocation bit after its source was revoked").isTrue();
        for (Gateway gateway : List.of(hardware, university)) {
            JsonNode later = gateway.post("/api/v1/credentials/verify", null, credential).json();
            assertThat(later.get("verdict").asText()).as(later.toString()).isEqualTo("INVALID");
            assertThat(later.toString()).contains("a source outcome is no longer active", source + " is REVOKED");
        }
        university.get(path, student).assertProblem(422, "CREDENTIAL_NOT_ISSUABLE");

        // The university's registrar is told, from the block events its read model follows, and so is its stream.
        JsonNode told = notificationsWithin(university, recognition);
        assertThat(told.get("outcomeId").asText()).isEqualTo(source);
        assertThat(told.get("status").asText()).isEqualTo("REVOKED");
        long before = told.get("blockNumber").asLong() - 1;
        String event = university.firstEvent("/api/v1/notifications/stream?after=" + before, university.registrarToken());
        assertThat(event).contains("event: notification", "id: " + (before + 1), recognition);
    }

    /** The university's notification about {@code recognition}, asked for until it is there (10 s at most). */
    private static JsonNode notificationsWithin(Gateway gateway, String recognition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            for (JsonNode n : gateway.get("/api/v1/notifications", gateway.registrarToken()).json()) {
                if (n.get("recognitionId").asText().equals(recognition)) {
                    return n;
                }
            }
            assertThat(System.nanoTime()).as("no notification about %s within 10 s", recognition).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** GET {@code path} with {@code token}, asked until it answers {@code wanted} or 5 s passed (a new token takes seconds). */
    private static Reply getWithin(Gateway gateway, String path, String token, int wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Reply reply = gateway.get(path, token);
        while (reply.status() != wanted && System.nanoTime() < deadline) {
            Thread.sleep(100);
            reply = gateway.get(path, token);
        }
        return reply;
    }

    @Test
    @Order(7)
    void aRetriedAccountOpeningWithTheSameIdempotencyKeyReturnsTheSameAccount() {
        String key = UUID.randomUUID().toString();
        Reply first = college.post("/api/v1/learners", college.registrarToken(), "", Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Reply retry = college.post("/api/v1/learners", college.registrarToken(), "", Map.of("Idempotency-Key", key));
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("record")).isEqualTo(first.json().get("record"));
        // The same key at another institution is that institution's own account.
        Reply theirs = university.post("/api/v1/learners", university.registrarToken(), "", Map.of("Idempotency-Key", key));
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
        assertThat(theirs.json().at("/record/accountNo").asText()).isNotEqualTo(first.json().at("/record/accountNo").asText());
        college.post("/api/v1/learners", college.registrarToken(), "", Map.of("Idempotency-Key", "2024010203"))
                .assertProblem(400, "INVALID_FIELD");
    }

    @Test
    @Order(8)
    void aTokenCreatedOrRevokedWhileTheGatewayRunsTakesEffectWithinSeconds() throws InterruptedException {
        TokenRegistry tokens = TokenRegistry.open(RunningGateways.tokensFile("hardware"));
        String secret = tokens.create(TokenRole.VERIFIER, "verifier1", null, "network test " + RUN);
        assertThat(statusWithin(hardware, secret, 200)).isEqualTo(200);
        String id = tokens.describe().stream().filter(d -> d.contains("network test " + RUN)).findFirst().orElseThrow()
                .split("\\s+")[0];
        assertThat(tokens.revoke(id)).isTrue();
        assertThat(statusWithin(hardware, secret, 401)).isEqualTo(401);
    }

    /** The status of GET /institutions/me with {@code token}, asked until it is {@code wanted} or 5 s passed. */
    private static int statusWithin(Gateway gateway, String token, int wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int status;
        do {
            status = gateway.get("/api/v1/institutions/me", token).status();
            Thread.sleep(100);
        } while (status != wanted && System.nanoTime() < deadline);
        return status;
    }

    @Test
    @Order(9)
    void theManufacturerEarnsPointsForTrainingsSchoolsRecognisedRedeemsThemAndLosesThemWhenATrainingIsRevoked() {
        String points = "/api/v1/points";
        String hw = hardware.registrarToken();
        JsonNode policy = policyInForce();
        int version = policy.at("/terms/version").asInt();
        int perTraining = policy.at("/terms/points/TRAINING_RECOGNISED").asInt();
        Map<String, Object> reason = Map.of("reason", "network test " + RUN);
        // Only the authority publishes and retires: a school is refused by the chaincode.
        college.post(points + "/policies", college.registrarToken(), MatrixRun.policyTerms(version + 1))
                .assertProblem(422, "INSTITUTION_TYPE_NOT_ALLOWED");
        college.post(points + "/policies/" + version + "/retire", college.registrarToken(), reason)
                .assertProblem(422, "INSTITUTION_TYPE_NOT_ALLOWED");
        assertThat(hardware.get(points + "/policies/" + version, hardware.verifierToken()).json().get("status").asText())
                .isEqualTo("ACTIVE");

        // Two trainings of the manufacturer, recognised by the two schools; the first is claimed once only.
        String learner = college.openAccount();
        String first = issueTraining(RUN + "-PT1", learner);
        String second = issueTraining(RUN + "-PT2", learner);
        String firstRecognition = recogniseTraining(university, RUN + "-PT1", learner, first);
        String secondRecognition = recogniseTraining(college, RUN + "-PT2", learner, second);
        int before = balanceOfHardware().get("balance").asInt();
        Reply accrued = hardware.post(points + "/accruals", hw, trainingClaim(firstRecognition, first, version));
        assertThat(accrued.status()).as(accrued.body()).isEqualTo(201);
        assertThat(accrued.json().at("/record/effectivePoints").asInt()).isEqualTo(perTraining);
        Reply retried = hardware.post(points + "/accruals", hw, trainingClaim(firstRecognition, first, version));
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        String againAtCollege = recogniseTraining(college, RUN + "-PT1-AGAIN", learner, first);
        hardware.post(points + "/accruals", hw, trainingClaim(againAtCollege, first, version)).assertProblem(409, "ALREADY_COUNTED");
        assertThat(hardware.post(points + "/accruals", hw, trainingClaim(secondRecognition, second, version)).status())
                .isEqualTo(201);
        JsonNode balance = balanceOfHardware();
        assertThat(balance.get("balance").asInt()).isEqualTo(before + 2 * perTraining);
        JsonNode firstLine = lineOf(balance, first);
        assertThat(firstLine.at("/entry/citedId").asText()).isEqualTo(firstRecognition);
        assertThat(firstLine.get("factStatus").asText()).isEqualTo("ACTIVE");

        // The manufacturer revokes the first training: its points no longer count.
        Reply revoked = hardware.post("/api/v1/outcomes/" + first + "/revoke", hw, Map.of("reason", "培训记录有误"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(201);
        JsonNode afterRevocation = balanceOfHardware();
        assertThat(afterRevocation.get("balance").asInt()).isEqualTo(before + perTraining);
        assertThat(lineOf(afterRevocation, first).get("factStatus").asText()).isEqualTo("REVOKED");
        assertThat(lineOf(afterRevocation, first).get("effectivePoints").asInt()).isZero();

        // Two applications of the same size, each affordable now but not both, approved at the same
        // moment: one is approved, the other refused for want of points (the gateway retries the
        // approval that lost the MVCC race, and the chaincode then finds the balance spent), never both.
        // Whichever wins, the balance left is the same and never below zero (later tests earn and spend from it).
        int left = before + perTraining;
        int each = left / 2 + 1;
        assertThat(each).as("each application fits the balance %d, both do not", left).isBetween(1, left);
        String firstId = applyRedemption(RUN + "-A", each);
        String secondId = applyRedemption(RUN + "-B", each);
        List<CompletableFuture<Reply>> racing = Stream.of(firstId, secondId).map(id -> CompletableFuture.supplyAsync(() ->
                edu.post(points + "/redemptions/" + id + "/approve", edu.registrarToken(), reason))).toList();
        List<Reply> decisions = racing.stream().map(CompletableFuture::join).toList();
        assertThat(decisions.stream().map(Reply::status)).as(decisions.toString()).containsExactlyInAnyOrder(201, 422);
        boolean firstWon = decisions.get(0).status() == 201;
        Reply approved = decisions.get(firstWon ? 0 : 1);
        String approvedId = firstWon ? firstId : secondId;
        String refusedId = firstWon ? secondId : firstId;
        assertThat(approved.json().at("/record/decidedBy").asText()).isEqualTo(LiveNetwork.Org.EDU.mspId);
        decisions.get(firstWon ? 1 : 0).assertProblem(422, "INSUFFICIENT_POINTS");
        assertThat(hardware.get(points + "/redemptions/" + refusedId, hw).json().get("status").asText()).isEqualTo("PENDING");
        Reply rejected = edu.post(points + "/redemptions/" + refusedId + "/reject", edu.registrarToken(), reason);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(201);
        assertThat(college.get(points + "/redemptions/" + approvedId + "/history", college.verifierToken()).json()
                .findValuesAsText("status")).containsExactly("PENDING", "APPROVED");
        assertThat(balanceOfHardware().get("balance").asInt()).isEqualTo(left - each);

        // A school confirms a co-teaching of the manufacturer's engineer, then withdraws it.
        Map<String, Object> coTeaching = new LinkedHashMap<>();
        coTeaching.put("localId", RUN + "-CT");
        coTeaching.put("type", "CO_TEACHING");
        coTeaching.put("enterprise", LiveNetwork.Org.HARDWARE.mspId);
        coTeaching.put("courseCode", "CT" + RUN);
        coTeaching.put("courseTitle", "焊接技术");
        coTeaching.put("activityStart", "2026-03-01");
        coTeaching.put("activityEnd", "2026-06-30");
        coTeaching.put("hours", 32);
        hardware.post(points + "/confirmations", hw, coTeaching).assertProblem(422, "INSTITUTION_TYPE_NOT_ALLOWED");
        Reply confirmed = college.post(points + "/confirmations", college.registrarToken(), coTeaching);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        String confirmation = confirmed.json().at("/record/id").asText();
        assertThat(hardware.get(points + "/confirmations/" + confirmation, hardware.verifierToken()).json()
                .get("status").asText()).isEqualTo("CONFIRMED");
        university.post(points + "/confirmations/" + confirmation + "/withdraw", university.registrarToken(), reason)
                .assertProblem(403, "ORG_NOT_ALLOWED");
        Reply withdrawn = college.post(points + "/confirmations/" + confirmation + "/withdraw", college.registrarToken(), reason);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(201);
        assertThat(hardware.get(points + "/confirmations/" + confirmation + "/history", hardware.verifierToken()).json()
                .findValuesAsText("status")).containsExactly("CONFIRMED", "WITHDRAWN");
    }

    /**
     * An ACTIVE points policy version that prices a recognised training on today's date. The
     * authorisation matrix publishes its own (in force for every date) and versions in force never
     * overlap, so this reuses whatever version is in force, publishing it again as the authority
     * (which writes nothing), and publishes the matrix's terms only when no version is in force.
     */
    private static JsonNode policyInForce() {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        JsonNode policies = college.get("/api/v1/points/policies", college.verifierToken()).json();
        for (JsonNode policy : policies) {
            JsonNode terms = policy.get("terms");
            if ("ACTIVE".equals(policy.get("status").asText()) && terms.at("/validFrom").asText().compareTo(today) <= 0
                    && terms.at("/validUntil").asText().compareTo(today) >= 0 && terms.at("/points").has("TRAINING_RECOGNISED")) {
                Reply again = edu.post("/api/v1/points/policies", edu.registrarToken(), terms.toString());
                assertThat(again.status()).as(again.body()).isEqualTo(200);
                return again.json().get("record");
            }
        }
        Reply published = edu.post("/api/v1/points/policies", edu.registrarToken(), MatrixRun.policyTerms(policies.size() + 1));
        assertThat(published.status()).as("no version in force today pricing TRAINING_RECOGNISED, and publishing one: %s",
                published.body()).isEqualTo(201);
        return published.json().get("record");
    }

    private static String issueTraining(String localId, String learner) {
        Reply r = hardware.post("/api/v1/outcomes", hardware.registrarToken(), Drafts.training(localId, learner));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().at("/record/id").asText();
    }

    private static String recogniseTraining(Gateway school, String localId, String learner, String training) {
        Reply r = school.post("/api/v1/recognitions", school.registrarToken(), Map.of("localId", localId, "learner", learner,
                "sourceOutcomeIds", List.of(training), "method", "MANUAL",
                "target", Map.of("courseCode", "ME220", "title", "焊接技术"), "credits", 2, "justification", "企业实训内容与课程一致"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().at("/record/recognition/id").asText();
    }

    private static Map<String, Object> trainingClaim(String recognition, String training, int version) {
        return Map.of("factType", "TRAINING_RECOGNISED", "factId", recognition, "outcomeId", training, "policyVersion", version);
    }

    private static String applyRedemption(String localId, int amount) {
        Reply r = hardware.post("/api/v1/points/redemptions", hardware.registrarToken(),
                Map.of("localId", localId, "points", amount, "purpose", "实训基地建设补贴"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().at("/record/id").asText();
    }

    private static JsonNode balanceOfHardware() {
        return college.get("/api/v1/points/enterprises/" + LiveNetwork.Org.HARDWARE.mspId + "/balance",
                college.verifierToken()).json();
    }

    private static JsonNode lineOf(JsonNode balance, String counted) {
        for (JsonNode line : balance.get("lines")) {
            if (line.at("/entry/countedId").asText().equals(counted)) {
                return line;
            }
        }
        throw new AssertionError("no line for " + counted + " in " + balance);
    }

    /** Issue #14: a learner shares a record behind a short link; whoever holds it sees it verified until it is withdrawn. */
    @Test
    @Order(10)
    void aLearnerSharesARecordBehindAShortLinkAndWithdrawsIt() throws InterruptedException {
        String learner = college.openAccount();
        String id = college.issueCourse(RUN + "-SH", learner);
        String student = learnerToken(college, learner, id);

        Reply created = college.post("/api/v1/shares", student, Map.of("outcomeIds", List.of(id), "recipient", "某某公司 HR"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String share = created.json().at("/share/id").asText();
        String link = created.json().get("link").asText();
        assertThat(link).isEqualTo(college.url("/s/" + share)).hasSizeLessThan(200);

        Reply document = college.get("/api/v1/shares/" + share + "/document", null);
        assertThat(document.status()).as(document.body()).isEqualTo(200);
        assertThat(document.json().at("/records/0/recordId").asText()).isEqualTo(id);
        assertThat(document.json().at("/records/0/verdict/verdict").asText()).isEqualTo("VALID");
        assertThat(college.get("/api/v1/shares/" + share + "/qr", null).contentType()).startsWith("image/svg+xml");
        assertThat(college.get("/s/" + share, null).body()).contains("verify.js");
        JsonNode listed = college.get("/api/v1/shares", student).json();
        assertThat(listed.get(0).get("id").asText()).isEqualTo(share);
        assertThat(listed.get(0).get("openCount").asInt()).isEqualTo(1);

        Reply withdrawn = college.post("/api/v1/shares/" + share + "/withdraw", student, "");
        assertThat(withdrawn.json().get("state").asText()).isEqualTo("WITHDRAWN");
        college.get("/api/v1/shares/" + share + "/document", null).assertProblem(404, "SHARE_NOT_AVAILABLE");
        college.post("/api/v1/shares", student, Map.of("outcomeIds", List.of())).assertProblem(400, "INVALID_FIELD");
    }

    @Test
    @Order(10)
    void aLearnerAppliesAtTheUniversityItsRegistrarApprovesAndTheTranscriptShowsTheRecognition() throws InterruptedException {
        String learner = college.openAccount();
        String approvedSource = college.issueCourse(RUN + "-APP-A", learner);
        String rejectedSource = college.issueCourse(RUN + "-APP-R", learner);
        String withdrawnSource = college.issueCourse(RUN + "-APP-W", learner);
        String student = TokenRegistry.open(RunningGateways.tokensFile("university"))
                .create(TokenRole.LEARNER, "gateway", learner, "network test " + RUN);
        String mine = "/api/v1/learners/" + learner + "/recognition-applications";
        getWithin(university, mine, student, 200);

        String applications = "/api/v1/recognition-applications";
        Reply applied = university.post(applications, student, Map.of("sourceOutcomeIds", List.of(approvedSource),
                "statement", "我在广州五金职业技术学院修读了数控课程，申请认定学分"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String id = applied.json().at("/record/id").asText();
        JsonNode assessment = university.get(applications + "/" + id, university.registrarToken()).json();
        assertThat(assessment.at("/application/status").asText()).as(assessment.toString()).isEqualTo("PENDING");
        Reply approved = university.post(applications + "/" + id + "/approve", university.registrarToken(), Map.of(
                "method", "MANUAL", "target", Map.of("courseCode", "ME210", "title", "数控加工技术"), "credits", 2,
                "justification", "课程内容一致，经教学委员会认定"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        String recognition = approved.json().at("/record/recognitionId").asText();
        JsonNode transcript = university.get("/api/v1/learners/" + learner + "/transcript", student).json();
        assertThat(transcript.toString()).contains(recognition);

        String rejected = university.post(applications, student, Map.of("sourceOutcomeIds", List.of(rejectedSource)))
                .json().at("/record/id").asText();
        Reply rejection = university.post(applications + "/" + rejected + "/reject", university.registrarToken(),
                Map.of("reason", "课程内容与本校课程不对应"));
        assertThat(rejection.status()).as(rejection.body()).isEqualTo(201);
        String withdrawn = university.post(applications, student, Map.of("sourceOutcomeIds", List.of(withdrawnSource)))
                .json().at("/record/id").asText();
        Reply withdrawal = university.post(applications + "/" + withdrawn + "/withdraw", student, Map.of("reason", "已转学"));
        assertThat(withdrawal.status()).as(withdrawal.body()).isEqualTo(201);

        JsonNode all = university.get(mine, student).json();
        assertThat(all.findValuesAsText("status")).containsExactlyInAnyOrder("APPROVED", "REJECTED", "WITHDRAWN");
        JsonNode history = university.get(applications + "/" + rejected + "/history", student).json();
        assertThat(history).hasSize(2);
        assertThat(history.get(1).at("/record/decisionReason").asText()).isEqualTo("课程内容与本校课程不对应");
        // The university's learner token cannot approve, and another institution cannot decide.
        university.post(applications + "/" + withdrawn + "/approve", student, Map.of("method", "RULE"))
                .assertProblem(403, "FORBIDDEN");
        // A student number the university never gave finds nobody (the number stays in its private collection).
        university.get("/api/v1/learners?studentNumber=" + RUN + "-NOBODY", university.registrarToken())
                .assertProblem(404, "NOT_FOUND");
    }

    @Test
    @Order(11)
    void theReadModelListsTheCollegesRecordsAndSaysHowFarItIs() {
        Reply status = college.get("/api/v1/read-model/status", college.verifierToken());
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.json().at("/channelHeight").asLong()).isPositive();
        Reply listed = college.get("/api/v1/outcomes?size=5", college.registrarToken());
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().at("/items").size()).isLessThanOrEqualTo(5);
    }

    @Test
    @Order(12)
    void aLearnerActivatesReadsTheirAccountAndProgressAndTheRegistrarKeepsAndErasesTheirPersonalData() throws Exception {
        String registrar = college.registrarToken();
        String learner = college.openAccount();
        String id = college.issueCourse(RUN + "-L1", learner);
        JsonNode activation = college.post("/api/v1/learners/" + learner + "/activations", registrar, "").json();
        assertThat(activation.get("link").asText()).startsWith(college.url("/activate#")).hasSizeLessThan(200);
        Reply signIn = college.post("/api/v1/activations/redeem", null, Map.of("code", activation.get("code").asText()));
        assertThat(signIn.status()).as(signIn.body()).isEqualTo(201);
        String token = signIn.json().get("token").asText();
        college.post("/api/v1/activations/redeem", null, Map.of("code", activation.get("code").asText()))
                .assertProblem(400, "ACTIVATION_NOT_VALID");
        for (String page : List.of("/activate", "/account", "/learner/learner.js", "/learner/learner.css")) {
            assertThat(college.get(page, null).status()).as(page).isEqualTo(200);
        }

        String qualification = "Q-" + RUN;
        Reply published = college.post("/api/v1/qualifications", registrar, Map.of("code", qualification,
                "title", "机电一体化技术 " + RUN, "totalCredits", 20, "minimumsByCategory", Map.of("专业核心", 12)));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(college.get("/api/v1/qualifications/CollegeMSP/" + qualification, token).json().at("/terms/totalCredits")
                .asInt()).isEqualTo(20);
        JsonNode progress = college.get("/api/v1/qualifications/CollegeMSP/" + qualification + "/progress/" + learner, token)
                .json();
        assertThat(progress.get("totalCredits").asInt()).isEqualTo(3);
        assertThat(college.get("/api/v1/institutions/UniversityMSP", token).json().get("mspId").asText())
                .isEqualTo("UniversityMSP");

        String uni = university.registrarToken();
        String ruleCode = "RL-" + RUN;
        Map<String, Object> rule = new LinkedHashMap<>(Drafts.transferRule(ruleCode));
        assertThat(university.post("/api/v1/rules", uni, rule).status()).isEqualTo(201);
        assertThat(hardware.get("/api/v1/rules/" + ruleCode + "/versions/1?owner=UniversityMSP", hardware.verifierToken())
                .json().at("/terms/code").asText()).isEqualTo(ruleCode);
        Reply recognised = university.post("/api/v1/recognitions", uni, Map.of("localId", RUN + "-L", "learner", learner,
                "sourceOutcomeIds", List.of(id), "method", "RULE", "ruleCode", ruleCode, "ruleVersion", 1));
        assertThat(recognised.status()).as(recognised.body()).isEqualTo(201);
        String recognition = recognised.json().at("/record/recognition/id").asText();
        assertThat(hardware.get("/api/v1/recognitions/" + recognition + "/history", hardware.verifierToken()).json())
                .hasSize(1);

        String personal = "/api/v1/learners/" + learner + "/personal-data";
        String studentNumber = "S" + RUN;
        Reply kept = college.post(personal, registrar, Map.of("name", "李小明", "birthDate", "2005-04-01",
                "studentNumber", studentNumber));
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        assertThat(college.get(personal, registrar).json().get("name").asText()).isEqualTo("李小明");
        assertThat(college.get("/api/v1/learners?studentNumber=" + studentNumber, registrar).json().get("accountNo")
                .asText()).isEqualTo(learner);
        university.get(personal, uni).assertProblem(404, "NOT_FOUND"); // another institution's collection

        // The learner asks for their name on the credential; without asking, the account alone is named.
        String credential = "/api/v1/outcomes/" + id + "/credential";
        Reply named = college.get(credential + "?withName=true", token);
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(named.json().at("/credentialSubject/name").asText()).isEqualTo("李小明");
        assertThat(college.get(credential, token).json().at("/credentialSubject").has("name")).isFalse();
        college.get(credential + "?withName=maybe", token).assertProblem(400, "INVALID_FIELD");
        assertThat(university.post("/api/v1/credentials/verify", null, named.body()).json().get("verdict").asText())
                .isEqualTo("VALID");
        // The same choice for a wallet: the OpenWallet Foundation's OpenID4VCI client collects the named credential.
        String offers = "/api/v1/outcomes/" + id + "/wallet-offers";
        JsonNode namedOffer = college.post(offers + "?withName=true", token, "").json();
        IndependentWallet.Collected inWallet = IndependentWallet.collect("oid4vci",
                namedOffer.path("credentialOffer").asText(), "es256");
        assertThat(inWallet.credential().at("/credentialSubject/name").asText()).isEqualTo("李小明");
        assertThat(inWallet.credential().at("/credentialSubject/id").asText()).isEqualTo(inWallet.holder());
        assertThat(university.post("/api/v1/credentials/verify", null, inWallet.credential().toString()).json()
                .get("verdict").asText()).isEqualTo("VALID");

        assertThat(college.post(personal + "/purge", registrar, "").status()).isEqualTo(201);
        college.get(personal, registrar).assertProblem(404, "NOT_FOUND");
        // Erased: no credential carries the name any more, and the one that did still verifies.
        college.get(credential + "?withName=true", token).assertProblem(404, "NOT_FOUND");
        college.post(offers + "?withName=true", token, "").assertProblem(404, "NOT_FOUND");
        assertThat(university.post("/api/v1/credentials/verify", null, named.body()).json().get("verdict").asText())
                .isEqualTo("VALID");
        college.get("/api/v1/learners?studentNumber=" + studentNumber, registrar).assertProblem(404, "NOT_FOUND");

        assertThat(college.post("/api/v1/tokens/me/revoke", token, "").status()).isEqualTo(200);
        college.get("/api/v1/learners/" + learner + "/transcript", token).assertProblem(401, "UNAUTHENTICATED");
    }

    /**
     * Talent demand, majors, thresholds and teachers' grades through the gateways on the network:
     * each institution type publishes what the chaincode lets it, a demand is updated and withdrawn,
     * a teacher is graded from their outcomes as they stand. The indicators and a school's grade
     * distribution are analytics of each gateway's read model, fed by the peer's blocks: they follow
     * the ledger within seconds.
     */
    @Test
    @Order(13)
    void demandMajorsThresholdsAndTeachersGradesGoThroughEveryGateway() throws InterruptedException {
        String hw = hardware.registrarToken();
        Map<String, Object> demand = new LinkedHashMap<>(Map.of("localId", RUN + "-WELD", "occupationCode", "6-18-02-04",
                "headcount", 40, "region", "440600", "period", "2027-Q1"));
        college.post("/api/v1/demand/entries", college.registrarToken(), demand).assertProblem(422, "INSTITUTION_TYPE_NOT_ALLOWED");
        Reply published = hardware.post("/api/v1/demand/entries", hw, demand);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String id = published.json().at("/record/id").asText();
        demand.put("headcount", 55);
        Reply updated = hardware.post("/api/v1/demand/entries/" + id + "/update", hw, demand);
        assertThat(updated.json().at("/record/version").asInt()).as(updated.body()).isEqualTo(2);
        Reply withdrawn = hardware.post("/api/v1/demand/entries/" + id + "/withdraw", hw, Map.of("reason", "产线推迟"));
        assertThat(withdrawn.json().at("/record/status").asText()).as(withdrawn.body()).isEqualTo("WITHDRAWN");
        assertThat(college.get("/api/v1/demand/entries/" + id, college.verifierToken()).json().get("history")).hasSize(3);

        String majorCode = "46" + String.format(Locale.ROOT, "%04d", Math.floorMod(RUN.hashCode(), 10_000));
        String school = LiveNetwork.Org.COLLEGE.mspId;
        int majorVersion = nextVersion(college.get("/api/v1/demand/majors/" + school + "/" + majorCode, college.verifierToken()));
        Reply major = college.post("/api/v1/demand/majors", college.registrarToken(), Map.of("majorCode", majorCode,
                "name", "焊接技术与自动化", "version", majorVersion, "occupationCodes", List.of("6-18-02-04", "6-30-99-00")));
        assertThat(major.status()).as(major.body()).isEqualTo(201);
        assertThat(hardware.get("/api/v1/demand/majors/" + school + "/" + majorCode, hardware.verifierToken()).json())
                .hasSize(majorVersion);

        JsonNode thresholds = college.get("/api/v1/demand/thresholds", college.verifierToken()).json();
        Map<String, Object> terms = new LinkedHashMap<>(Map.of("version", thresholds.size() + 1, "title", "专业预警阈值 " + RUN,
                "redBelow", 0.5, "yellowBelow", 0.8, "yellowAbove", 1.2, "redAbove", 1.5, "trendPeriods", 4));
        college.post("/api/v1/demand/thresholds", college.registrarToken(), terms).assertProblem(422, "INSTITUTION_TYPE_NOT_ALLOWED");
        Reply thresholdsPublished = edu.post("/api/v1/demand/thresholds", edu.registrarToken(), terms);
        assertThat(thresholdsPublished.status()).as(thresholdsPublished.body()).isEqualTo(201);
        // A plan that stays open: the college's major now faces at least its 30 people in 2027-Q1 (the withdrawn one counts nothing).
        Map<String, Object> open = new LinkedHashMap<>(Map.of("localId", RUN + "-WELD-2", "occupationCode", "6-18-02-04",
                "headcount", 30, "region", "440600", "period", "2027-Q1"));
        assertThat(hardware.post("/api/v1/demand/entries", hw, open).status()).isEqualTo(201);
        JsonNode indicator = within(() -> {
            JsonNode all = college.get("/api/v1/demand/indicators?school=" + school + "&from=2026-Q4&to=2027-Q1",
                    college.verifierToken()).json().get("indicators");
            for (JsonNode i : all) {
                if (majorCode.equals(i.path("majorCode").asText()) && "2027-Q1".equals(i.path("period").asText())
                        && i.path("demand").asLong() >= 30) {
                    return i;
                }
            }
            return null;
        });
        assertThat(indicator.get("warning").asText()).isIn("RED", "YELLOW", "GREEN");
        assertThat(indicator.get("reason").asText()).isNotBlank();

        // Teachers: the college appoints one, publishes its rule, and the ledger grades the teacher.
        String teacher = college.openAccount();
        Reply appointed = college.post("/api/v1/teachers/appointments", college.registrarToken(), Map.of("accountNo", teacher));
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        university.post("/api/v1/teachers/appointments", university.registrarToken(), Map.of("accountNo", teacher))
                .assertProblem(409, "CONFLICT");
        int ruleVersion = college.get("/api/v1/teachers/rules?school=" + school, college.verifierToken()).json().size() + 1;
        Reply rule = college.post("/api/v1/teachers/rules", college.registrarToken(), Map.of("version", ruleVersion,
                "title", "教师数字能力分级办法 " + RUN, "criteria", List.of(Map.of("name", "企业实践", "kinds", List.of("WORK_EXPERIENCE"),
                        "category", "企业实践", "measure", "HOURS", "green", 60, "yellow", 30))));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        Map<String, Object> practice = Drafts.course(RUN + "-PRACTICE", teacher);
        practice.put("kind", "WORK_EXPERIENCE");
        practice.put("category", "企业实践");
        practice.put("hours", 48);
        assertThat(college.post("/api/v1/outcomes", college.registrarToken(), practice).status()).isEqualTo(201);
        JsonNode grade = hardware.get("/api/v1/teachers/grades/" + teacher, hardware.verifierToken()).json();
        assertThat(grade.get("grade").asText()).as(grade.toString()).isEqualTo("YELLOW");
        assertThat(grade.get("reason").asText()).isEqualTo("企业实践: needs 12 more hours for green");
        JsonNode support = within(() -> {
            for (JsonNode g : college.get("/api/v1/teachers/grades?school=" + school, college.verifierToken()).json()
                    .path("needSupport")) {
                if (teacher.equals(g.path("accountNo").asText()) && "YELLOW".equals(g.path("grade").asText())) {
                    return g;
                }
            }
            return null;
        });
        assertThat(support.get("reason").asText()).isEqualTo("企业实践: needs 12 more hours for green");
        university.post("/api/v1/teachers/appointments/" + teacher + "/end", university.registrarToken(),
                Map.of("reason", "调离")).assertProblem(403, "ORG_NOT_ALLOWED");
        Reply ended = college.post("/api/v1/teachers/appointments/" + teacher + "/end", college.registrarToken(),
                Map.of("reason", "调离本校"));
        assertThat(ended.json().at("/record/status").asText()).as(ended.body()).isEqualTo("ENDED");
        assertThat(college.get("/api/v1/teachers/appointments/" + teacher, college.verifierToken()).json()
                .at("/current/status").asText()).isEqualTo("ENDED");
        assertThat(college.get("/dashboard", null).status()).isEqualTo(200);
        assertThat(college.get("/dashboard/dashboard.js", null).status()).isEqualTo(200);
        assertThat(college.get("/dashboard/dashboard.css", null).status()).isEqualTo(200);
    }

    /** What {@code probe} finds (non-null), asked for every 200 ms for at most 10 s: the read model follows blocks. */
    private static JsonNode within(Supplier<JsonNode> probe) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode found = probe.get();
        while (found == null) {
            assertThat(System.nanoTime()).as("the read model did not show it within 10 s").isLessThan(deadline);
            Thread.sleep(200);
            found = probe.get();
        }
        return found;
    }

    /** The next version number after a list of versions, or 1 when there is none (404). */
    private static int nextVersion(Reply versions) {
        return versions.status() == 404 ? 1 : versions.json().size() + 1;
    }

    @Test
    @Order(100)
    void everyDocumentedRouteWasCalledOnTheNetwork() {
        assertThat(RunningGateways.documentedRoutes()).isGreaterThan(20);
        assertThat(RunningGateways.uncalledRoutes()).as("routes in /openapi.json no network test called").isEmpty();
    }

    /**
     * Whether the credential's bit is set in its status list, fetched from the URL the credential
     * names and decoded as Bitstring Status List v1.0 says (multibase base64url, GZIP, most
     * significant bit first), independently of our own encoder.
     */
    /** One check of a POST /api/v1/credentials/verify answer. */
    private static JsonNode checkOf(JsonNode verdict, String check) {
        for (JsonNode c : verdict.get("checks")) {
            if (check.equals(c.get("check").asText())) {
                return c;
            }
        }
        throw new AssertionError("no " + check + " in " + verdict);
    }

    private static boolean bitInList(JsonNode entry) {
        String url = entry.get("statusListCredential").asText();
        int index = Integer.parseInt(entry.get("statusListIndex").asText());
        Gateway owner = url.startsWith(college.baseUrl()) ? college : url.startsWith(university.baseUrl()) ? university : hardware;
        JsonNode list = owner.get(URI.create(url).getPath(), null).json();
        String encoded = list.at("/credentialSubject/encodedList").asText();
        assertThat(encoded).startsWith("u");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            byte[] bits = in.readAllBytes();
            return (bits[index / 8] & (0x80 >> (index % 8))) != 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
