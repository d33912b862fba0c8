package org.creditbank.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.RecordId;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.key.Ed25519Multikey;
import org.creditbank.model.learner.AccountNumber;
import org.creditbank.network.AuthorisationMatrix.Actor;
import org.creditbank.network.AuthorisationMatrix.Identity;

/**
 * Calls every function of {@link AuthorisationMatrix#TABLE} as every {@link Identity} on a {@link
 * Chain} and reports what happened in each cell. A setup first gives each cell its own target (an
 * account, an outcome in the right state, a rule, fresh local ids), so that cells do not depend on
 * one another and can run at the same time, an allowed write really succeeds, and a refused write
 * can be checked to have changed nothing. Identical on the network and in memory.
 */
final class MatrixRun {

    /** Where the calls go: the Fabric Gateway SDK on the network, or the contracts in memory. */
    interface Chain {
        Answer submit(Actor who, Map<String, byte[]> transientData, String function, String... args);

        Answer evaluate(Actor who, String function, String... args);
    }

    /** What the chaincode answered: a result (and its transaction), a refusal code, or neither. */
    record Answer(JsonNode result, String txId, ErrorCode refusal, String failure) {
        static Answer ok(JsonNode result, String txId) {
            return new Answer(result, txId, null, null);
        }

        static Answer refused(ErrorCode code) {
            return new Answer(null, null, code, null);
        }

        static Answer failed(String why) {
            return new Answer(null, null, null, why);
        }

        boolean isOk() {
            return failure == null && refusal == null;
        }

        String label() {
            return isOk() ? "ALLOW" : refusal != null ? refusal.name() : "FAILED";
        }

        /** The result of a setup call, which must succeed. */
        JsonNode required(String what) {
            if (!isOk()) {
                throw new IllegalStateException("setup failed: " + what + " answered " + label()
                        + (failure == null ? "" : ": " + failure));
            }
            return result;
        }
    }

    /** What one cell did: ALLOW, a refusal code, FAILED or CHANGED, and the detail a failure needs. */
    record Observed(String label, String detail) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String REASON = "authorisation matrix";
    private static final String POLICY_TITLE = "authorisation matrix policy";
    /** The manufacturer's and the education department's registrars: they make the points targets. */
    private static final Actor ENTERPRISE_REGISTRAR = new Actor(LiveNetwork.Org.HARDWARE, "registrar1");
    private static final Actor AUTHORITY_REGISTRAR = new Actor(LiveNetwork.Org.EDU, "registrar1");

    private final Chain chain;
    private final Executor pool;
    private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

    // The setup's targets: shared read targets, and one target per identity for each write.
    private final Map<LiveNetwork.Org, Map<String, Object>> profiles = new EnumMap<>(LiveNetwork.Org.class);
    private final Map<LiveNetwork.Org, JsonNode> registered = new EnumMap<>(LiveNetwork.Org.class);
    private String learner;
    private String readRule;
    private String qualification;
    private String outcome;
    private String outcomeHash;
    private String issuanceTx;
    private String recognition;
    private int policyVersion;
    private String confirmation;
    private String redemption;
    private final Map<Identity, String> toWithdraw = new EnumMap<>(Identity.class);
    private final Map<Identity, String> putAccounts = new EnumMap<>(Identity.class);
    private final Map<Identity, String> purgeAccounts = new EnumMap<>(Identity.class);
    private final Map<Identity, String> retireRules = new EnumMap<>(Identity.class);
    private final Map<Identity, String> toSuspend = new EnumMap<>(Identity.class);
    private final Map<Identity, String> toReinstate = new EnumMap<>(Identity.class);
    private final Map<Identity, String> toRevoke = new EnumMap<>(Identity.class);
    private final Map<Identity, String> sources = new EnumMap<>(Identity.class);
    private String demand;
    private String demandLocalId;
    private String readMajor;
    private final Map<LiveNetwork.Org, Integer> gradingRuleVersions = new EnumMap<>(LiveNetwork.Org.class);
    private final Map<Identity, String> toAppoint = new EnumMap<>(Identity.class);
    private final Map<Identity, String> toEndAppointment = new EnumMap<>(Identity.class);
    private String application;
    private final Map<Identity, String> applySources = new EnumMap<>(Identity.class);
    private final Map<Identity, String> toApprove = new EnumMap<>(Identity.class);
    private final Map<Identity, String> toReject = new EnumMap<>(Identity.class);
    private final Map<Identity, String> toWithdrawApplication = new EnumMap<>(Identity.class);

    /** {@code pool} runs independent calls; a direct executor runs everything in turn. */
    MatrixRun(Chain chain, Executor pool) {
        this(chain, pool, Map.of(
                LiveNetwork.Org.COLLEGE, Map.of("name", "广州五金职业技术学院", "type", "SCHOOL"),
                LiveNetwork.Org.UNIVERSITY, Map.of("name", "应用技术大学", "type", "SCHOOL"),
                LiveNetwork.Org.HARDWARE, Map.of("name", "五金制造集团", "type", "ENTERPRISE"),
                LiveNetwork.Org.EDU, Map.of("name", "广东省教育厅", "type", "AUTHORITY", "accreditationNote", "省级教育行政部门")));
    }

    /**
     * A run whose admins register {@code profiles} (on the network: those of the consortium file, so
     * the run leaves every profile as it found it).
     */
    MatrixRun(Chain chain, Executor pool, Map<LiveNetwork.Org, Map<String, Object>> profiles) {
        this.chain = chain;
        this.pool = pool;
        this.profiles.putAll(profiles);
    }

    /** Sets up, then runs every cell; by function in table order, then by identity. */
    Map<String, Map<Identity, Observed>> run() {
        setUp();
        Map<String, Map<Identity, CompletableFuture<Observed>>> running = new LinkedHashMap<>();
        for (AuthorisationMatrix.Row row : AuthorisationMatrix.TABLE) {
            Map<Identity, CompletableFuture<Observed>> cells = new EnumMap<>(Identity.class);
            for (Identity who : Identity.values()) {
                cells.put(who, CompletableFuture.supplyAsync(() -> cell(row.function(), who), pool)
                        .exceptionally(e -> new Observed("FAILED", String.valueOf(e))));
            }
            running.put(row.function(), cells);
        }
        Map<String, Map<Identity, Observed>> observed = new LinkedHashMap<>();
        running.forEach((function, cells) -> {
            Map<Identity, Observed> done = new EnumMap<>(Identity.class);
            cells.forEach((who, future) -> done.put(who, future.join()));
            observed.put(function, done);
        });
        return observed;
    }

    // ------------------------------------------------------------------ setup

    private void setUp() {
        Actor collegeRegistrar = Identity.REGISTRAR.actor;
        together(profiles.keySet().stream().map(org -> (Supplier<Answer>) () ->
                chain.submit(admin(org), Map.of(), "institution:register", json(profiles.get(org)))).toList(),
                "institution:register");
        for (LiveNetwork.Org org : profiles.keySet()) {
            registered.put(org, chain.evaluate(collegeRegistrar, "institution:get", org.mspId).required("institution:get"));
        }

        learner = newAccountNumber();
        readRule = "AZ" + run + "-READ";
        qualification = "AZ" + run + "-Q";
        List<Supplier<Answer>> second = new ArrayList<>();
        second.add(() -> chain.submit(collegeRegistrar, Map.of(), "learner:openAccount", learner));
        for (Identity who : Identity.values()) {
            putAccounts.put(who, newAccountNumber());
            purgeAccounts.put(who, newAccountNumber());
            retireRules.put(who, "AZ" + run + "-RETIRE-" + who.ordinal());
            second.add(() -> chain.submit(collegeRegistrar, Map.of(), "learner:openAccount", putAccounts.get(who)));
            second.add(() -> chain.submit(collegeRegistrar, Map.of(), "learner:openAccount", purgeAccounts.get(who)));
            second.add(() -> chain.submit(collegeRegistrar, Map.of(), "recognition:publishRule", json(Drafts.transferRule(retireRules.get(who)))));
        }
        second.add(() -> chain.submit(collegeRegistrar, Map.of(), "recognition:publishRule", json(Drafts.transferRule(readRule))));
        second.add(() -> chain.submit(collegeRegistrar, Map.of(), "qualification:publish", json(qualification(qualification))));
        second.add(() -> chain.submit(collegeRegistrar, Map.of(), "points:confirm", json(coTeaching(localId("CONF-READ"), "AZ" + run + "-READ"))));
        for (Identity who : Identity.values()) {
            second.add(() -> chain.submit(collegeRegistrar, Map.of(), "points:confirm",
                    json(coTeaching(localId("CONF-" + who.ordinal()), "AZ" + run + "-W-" + who.ordinal()))));
        }
        policyVersion = matrixPolicy();
        List<Answer> secondAnswers = together(second, "accounts, rules, a qualification and confirmations");
        confirmation = secondAnswers.get(secondAnswers.size() - Identity.values().length - 1).result().get("id").asText();
        for (Identity who : Identity.values()) {
            toWithdraw.put(who, secondAnswers.get(secondAnswers.size() - Identity.values().length + who.ordinal())
                    .result().get("id").asText());
        }

        List<Map<String, Object>> drafts = new ArrayList<>();
        drafts.add(Drafts.course(localId("READ"), learner));
        drafts.add(Drafts.course(localId("RECOGNISED"), learner));
        for (Identity who : Identity.values()) {
            for (String purpose : List.of("SUSPEND", "REINSTATE", "REVOKE", "SOURCE")) {
                drafts.add(Drafts.course(localId(purpose + "-" + who.ordinal()), learner));
            }
        }
        List<Supplier<Answer>> third = new ArrayList<>();
        third.add(() -> chain.submit(collegeRegistrar, Map.of(), "outcome:issueBatch", json(drafts)));
        third.add(() -> chain.submit(ENTERPRISE_REGISTRAR, Map.of(), "outcome:issue", json(Drafts.training(localId("TRAINING"), learner))));
        third.add(() -> chain.submit(collegeRegistrar, personal(learner, "李小明", studentNumber()), "learner:putPersonalData"));
        for (Identity who : Identity.values()) {
            third.add(() -> chain.submit(collegeRegistrar, personal(purgeAccounts.get(who), "王小红"), "learner:putPersonalData"));
        }
        List<Answer> issued = together(third, "outcomes and personal data");
        String training = issued.get(1).result().get("id").asText();
        JsonNode batch = issued.get(0).result();
        issuanceTx = issued.get(0).txId();
        outcome = batch.get(0).get("id").asText();
        outcomeHash = batch.get(0).get("contentHash").asText();
        String recognised = batch.get(1).get("id").asText();
        int next = 2;
        for (Identity who : Identity.values()) {
            toSuspend.put(who, batch.get(next++).get("id").asText());
            toReinstate.put(who, batch.get(next++).get("id").asText());
            toRevoke.put(who, batch.get(next++).get("id").asText());
            sources.put(who, batch.get(next++).get("id").asText());
        }

        List<Supplier<Answer>> fourth = new ArrayList<>();
        for (Identity who : Identity.values()) {
            fourth.add(() -> chain.submit(collegeRegistrar, Map.of(), "outcome:suspend", toReinstate.get(who), REASON));
        }
        fourth.add(() -> chain.submit(Identity.OTHER_REGISTRAR.actor, Map.of(), "recognition:recognise",
                json(manual(localId("SETUP"), recognised))));
        fourth.add(() -> chain.submit(Identity.OTHER_REGISTRAR.actor, Map.of(), "recognition:recognise",
                json(manual(localId("SETUP-TRAINING"), training))));
        List<Answer> fourthAnswers = together(fourth, "suspensions and recognitions");
        recognition = fourthAnswers.get(fourthAnswers.size() - 2).result().at("/recognition/id").asText();
        String trainingRecognition = fourthAnswers.get(fourthAnswers.size() - 1).result().at("/recognition/id").asText();

        // The manufacturer earns a point for the recognised training and applies to redeem it.
        together(List.of(() -> chain.submit(ENTERPRISE_REGISTRAR, Map.of(), "points:accrue",
                json(trainingClaim(trainingRecognition, training)))), "points:accrue");
        redemption = together(List.of(() -> chain.submit(ENTERPRISE_REGISTRAR, Map.of(), "points:applyRedemption",
                json(redemptionRequest(localId("REDEEM"))))), "points:applyRedemption").get(0).result().get("id").asText();

        setUpDemandAndTeachers();
        setUpApplications();

        // Each peer the cells read from has committed everything above once it commits a later
        // block of its own (an identical profile changes nothing).
        together(List.of(LiveNetwork.Org.COLLEGE, LiveNetwork.Org.UNIVERSITY).stream().map(org -> (Supplier<Answer>) () ->
                chain.submit(admin(org), Map.of(), "institution:register", json(profiles.get(org)))).toList(),
                "the barrier");
    }

    /**
     * The manufacturer's demand, the college's major, and teachers: the learner and one account
     * per identity to end, appointed by the college; one account per identity to appoint; the next
     * grading-rule version of the college and of the university, which the cells allowed to
     * publish publish again (a retry: a school's versions are one sequence, which two cells cannot
     * both extend).
     */
    private void setUpDemandAndTeachers() {
        Actor collegeRegistrar = Identity.REGISTRAR.actor;
        demandLocalId = localId("DEMAND");
        readMajor = majorCode(9);
        for (LiveNetwork.Org org : List.of(LiveNetwork.Org.COLLEGE, LiveNetwork.Org.UNIVERSITY)) {
            gradingRuleVersions.put(org, chain.evaluate(collegeRegistrar, "teacher:listRules", org.mspId)
                    .required("teacher:listRules").size() + 1);
        }
        List<Supplier<Answer>> first = new ArrayList<>();
        first.add(() -> chain.submit(ENTERPRISE_REGISTRAR, Map.of(), "demand:publish", json(demandRequest(demandLocalId, 10))));
        first.add(() -> chain.submit(collegeRegistrar, Map.of(), "demand:publishMajor",
                json(major(readMajor, nextMajorVersion(collegeRegistrar, LiveNetwork.Org.COLLEGE, readMajor)))));
        first.add(() -> chain.submit(collegeRegistrar, Map.of(), "teacher:publishRule",
                json(gradingRule(gradingRuleVersions.get(LiveNetwork.Org.COLLEGE)))));
        first.add(() -> chain.submit(Identity.OTHER_REGISTRAR.actor, Map.of(), "teacher:publishRule",
                json(gradingRule(gradingRuleVersions.get(LiveNetwork.Org.UNIVERSITY)))));
        for (Identity who : Identity.values()) {
            toAppoint.put(who, newAccountNumber());
            toEndAppointment.put(who, newAccountNumber());
            first.add(() -> chain.submit(collegeRegistrar, Map.of(), "learner:openAccount", toAppoint.get(who)));
            first.add(() -> chain.submit(collegeRegistrar, Map.of(), "learner:openAccount", toEndAppointment.get(who)));
        }
        demand = together(first, "demand, a major, grading rules and teachers' accounts").get(0).result().get("id").asText();
        List<Supplier<Answer>> second = new ArrayList<>();
        second.add(() -> chain.submit(collegeRegistrar, Map.of(), "teacher:appoint", learner));
        for (Identity who : Identity.values()) {
            second.add(() -> chain.submit(collegeRegistrar, Map.of(), "teacher:appoint", toEndAppointment.get(who)));
        }
        together(second, "teacher:appoint");
    }

    /**
     * Trainings the manufacturer issued to the learner (outcomes earned outside both schools): one
     * per identity to apply with, and three per identity that the college's registrar cites in
     * PENDING applications to the college, for the cells to approve, reject and withdraw.
     */
    private void setUpApplications() {
        List<Map<String, Object>> trainings = new ArrayList<>();
        trainings.add(Drafts.training(localId("APP-READ"), learner));
        for (Identity who : Identity.values()) {
            for (String purpose : List.of("APPLY", "APPROVE", "REJECT", "WITHDRAW")) {
                trainings.add(Drafts.training(localId("APP-" + purpose + "-" + who.ordinal()), learner));
            }
        }
        JsonNode issued = together(List.of(() -> chain.submit(ENTERPRISE_REGISTRAR, Map.of(), "outcome:issueBatch",
                json(trainings))), "trainings to apply with").get(0).result();
        List<Supplier<Answer>> applications = new ArrayList<>();
        applications.add(() -> chain.submit(Identity.REGISTRAR.actor, Map.of(), "application:apply",
                json(applicationRequest(localId("APP-READ"), issued.get(0).get("id").asText()))));
        int next = 1;
        for (Identity who : Identity.values()) {
            applySources.put(who, issued.get(next++).get("id").asText());
            for (String purpose : List.of("APPROVE", "REJECT", "WITHDRAW")) {
                String source = issued.get(next++).get("id").asText();
                applications.add(() -> chain.submit(Identity.REGISTRAR.actor, Map.of(), "application:apply",
                        json(applicationRequest(localId("APP-" + purpose + "-" + who.ordinal()), source))));
            }
        }
        List<Answer> applied = together(applications, "applications");
        application = applied.get(0).result().get("id").asText();
        int i = 1;
        for (Identity who : Identity.values()) {
            toApprove.put(who, applied.get(i++).result().get("id").asText());
            toReject.put(who, applied.get(i++).result().get("id").asText());
            toWithdrawApplication.put(who, applied.get(i++).result().get("id").asText());
        }
    }

    private Map<String, Object> applicationRequest(String localId, String source) {
        return Map.of("localId", localId, "learner", learner, "sourceOutcomeIds", List.of(source),
                "statement", "请认定我在企业的培训");
    }

    /**
     * The points policy version the matrix's claims cite: its own ACTIVE version from an earlier
     * run, or the next version, in force for every date so that any fact qualifies. Fails the setup
     * if another ACTIVE version (not the matrix's) is in force, as publishing would overlap it.
     */
    private int matrixPolicy() {
        JsonNode policies = chain.evaluate(Identity.REGISTRAR.actor, "points:listPolicies").required("points:listPolicies");
        for (JsonNode policy : policies) {
            if ("ACTIVE".equals(policy.path("status").asText()) && POLICY_TITLE.equals(policy.at("/terms/title").asText())) {
                return policy.at("/terms/version").asInt();
            }
        }
        chain.submit(AUTHORITY_REGISTRAR, Map.of(), "points:publishPolicy", json(policyTerms(policies.size() + 1)))
                .required("points:publishPolicy");
        return policies.size() + 1;
    }

    /**
     * The terms of the matrix's policy as version {@code version}: in force for every date, pricing a
     * recognised training at one point. Other network tests that need a policy in force publish
     * exactly these when none is, so that the matrix finds its own version instead of an overlap.
     */
    static Map<String, Object> policyTerms(int version) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("version", version);
        terms.put("title", POLICY_TITLE);
        terms.put("validFrom", "2000-01-01");
        terms.put("validUntil", "2199-12-31");
        terms.put("points", Map.of("TRAINING_RECOGNISED", 1));
        return terms;
    }

    /** Runs the calls at once and waits for all; each must succeed. The answers are in order. */
    private List<Answer> together(List<Supplier<Answer>> calls, String what) {
        List<CompletableFuture<Answer>> futures = calls.stream().map(c -> CompletableFuture.supplyAsync(c, pool)).toList();
        List<Answer> answers = futures.stream().map(CompletableFuture::join).toList();
        answers.forEach(a -> a.required(what));
        return answers;
    }

    // ------------------------------------------------------------------ cells

    private Observed cell(String function, Identity who) {
        Actor as = who.actor;
        String msp = as.mspId();
        return switch (function) {
            case "institution:register" -> register(who);
            case "institution:get" -> read(as, function, LiveNetwork.Org.COLLEGE.mspId);
            case "institution:list" -> read(as, function);
            case "signingkey:register" -> {
                String key = newSigningKey();
                yield write(as, function, Map.of(), args(key), () -> signingKeyState(who, key, null));
            }
            case "signingkey:retire" -> {
                String key = newSigningKey();
                chain.submit(admin(who.actor.org()), Map.of(), "signingkey:register", key).required("signingkey:register");
                yield write(as, function, Map.of(), args(key), () -> signingKeyState(who, key, "in force"));
            }
            case "signingkey:list" -> read(as, function);
            case "signingkey:listOf" -> read(as, function, LiveNetwork.Org.COLLEGE.mspId);
            case "learner:openAccountForKey" -> {
                String key = java.util.UUID.randomUUID().toString();
                String account = AccountNumber.forOpeningKey(who.actor.org().mspId, key);
                yield write(as, function, Map.of(), args(key),
                        () -> refusedAs(ErrorCode.ACCOUNT_NOT_FOUND, reader(who), "learner:getAccount", account));
            }
            case "learner:openAccount" -> {
                String account = newAccountNumber();
                yield write(as, function, Map.of(), args(account),
                        () -> refusedAs(ErrorCode.ACCOUNT_NOT_FOUND, reader(who), "learner:getAccount", account));
            }
            case "learner:getAccount" -> read(as, function, learner);
            case "learner:putPersonalData" -> write(as, function, personal(putAccounts.get(who), "张三"), args(),
                    () -> refusedAs(ErrorCode.NOT_FOUND, reader(who), "learner:getPersonalData", putAccounts.get(who)));
            case "learner:getPersonalData", "learner:nameOnCredential" -> read(as, function, learner);
            case "learner:findByStudentNumber" -> read(as, function, studentNumber());
            case "learner:purgePersonalData" -> write(as, function, Map.of(), args(purgeAccounts.get(who)),
                    () -> answers(Identity.REGISTRAR.actor, "learner:getPersonalData", purgeAccounts.get(who)));
            case "outcome:issue", "outcome:issueBatch" -> {
                String localId = localId(function.substring("outcome:".length()).toUpperCase(Locale.ROOT) + "-" + who.ordinal());
                Map<String, Object> draft = Drafts.course(localId, learner);
                yield write(as, function, Map.of(), args(json(function.endsWith("Batch") ? List.of(draft) : draft)),
                        () -> refusedAs(ErrorCode.NOT_FOUND, reader(who), "outcome:get",
                                RecordId.outcome(msp, localId).toString()));
            }
            case "outcome:get", "outcome:history" -> read(as, function, outcome);
            case "outcome:issuanceStatuses" -> read(as, function, issuanceTx);
            case "outcome:suspend" -> statusChange(as, function, toSuspend.get(who), "ACTIVE");
            case "outcome:reinstate" -> statusChange(as, function, toReinstate.get(who), "SUSPENDED");
            case "outcome:revoke" -> statusChange(as, function, toRevoke.get(who), "ACTIVE");
            case "points:publishPolicy" -> {
                Map<String, Object> terms = new LinkedHashMap<>();
                terms.put("version", policyVersion + 1);
                terms.put("title", "intruder " + run);
                terms.put("validFrom", "2000-01-01");
                terms.put("validUntil", "2000-01-02");
                terms.put("points", Map.of("INTERNSHIP", 1));
                yield write(as, function, Map.of(), args(json(terms)), () -> refusedAs(ErrorCode.NOT_FOUND, reader(who),
                        "points:getPolicy", Integer.toString(policyVersion + 1)));
            }
            case "points:retirePolicy" -> write(as, function, Map.of(), args(Integer.toString(policyVersion), REASON),
                    () -> field(reader(who), "/status", "ACTIVE", "points:getPolicy", Integer.toString(policyVersion)));
            case "points:getPolicy" -> read(as, function, Integer.toString(policyVersion));
            case "points:listPolicies" -> read(as, function);
            case "points:confirm" -> {
                String localId = localId("CONFIRM-" + who.ordinal());
                yield write(as, function, Map.of(), args(json(coTeaching(localId, "AZ" + run + "-C-" + who.ordinal()))),
                        () -> refusedAs(ErrorCode.NOT_FOUND, reader(who), "points:getConfirmation",
                                RecordId.confirmation(msp, localId).toString()));
            }
            case "points:withdrawConfirmation" -> write(as, function, Map.of(), args(toWithdraw.get(who), REASON),
                    () -> field(Identity.REGISTRAR.actor, "/status", "CONFIRMED", "points:getConfirmation", toWithdraw.get(who)));
            case "points:getConfirmation", "points:history" -> read(as, function, confirmation);
            case "points:accrue" -> write(as, function, Map.of(), args(json(trainingClaim(recognition, outcome))),
                    () -> field(reader(who), "/earned", "0", "points:balance", msp));
            case "points:balance" -> read(as, function, LiveNetwork.Org.HARDWARE.mspId);
            case "points:applyRedemption" -> {
                String localId = localId("REDEEM-" + who.ordinal());
                yield write(as, function, Map.of(), args(json(redemptionRequest(localId))),
                        () -> refusedAs(ErrorCode.NOT_FOUND, reader(who), "points:getRedemption",
                                RecordId.redemption(msp, localId).toString()));
            }
            case "points:approveRedemption", "points:rejectRedemption" -> write(as, function, Map.of(), args(redemption, REASON),
                    () -> field(reader(who), "/status", "PENDING", "points:getRedemption", redemption));
            case "points:getRedemption" -> read(as, function, redemption);
            case "application:apply" -> {
                String localId = localId("APPLY-" + who.ordinal());
                yield write(as, function, Map.of(), args(json(applicationRequest(localId, applySources.get(who)))),
                        () -> refusedAs(ErrorCode.NOT_FOUND, reader(who), "application:get",
                                RecordId.application(msp, localId).toString()));
            }
            case "application:approve" -> write(as, function, Map.of(), args(toApprove.get(who), json(Map.of(
                            "method", "MANUAL", "target", Map.of("title", "企业培训", "category", "实践教学"), "credits", 1,
                            "justification", REASON))),
                    () -> field(reader(who), "/status", "PENDING", "application:get", toApprove.get(who)));
            case "application:reject" -> write(as, function, Map.of(), args(toReject.get(who), REASON),
                    () -> field(reader(who), "/status", "PENDING", "application:get", toReject.get(who)));
            case "application:withdraw" -> write(as, function, Map.of(), args(toWithdrawApplication.get(who), REASON),
                    () -> field(reader(who), "/status", "PENDING", "application:get", toWithdrawApplication.get(who)));
            case "application:get", "application:assess", "application:history" -> read(as, function, application);
            case "application:forLearner" -> read(as, function, learner);
            case "demand:publish" -> {
                String localId = localId("DEMAND-" + who.ordinal());
                yield write(as, function, Map.of(), args(json(demandRequest(localId, 1))),
                        () -> refusedAs(ErrorCode.NOT_FOUND, reader(who), "demand:get", RecordId.demand(msp, localId).toString()));
            }
            case "demand:update" -> write(as, function, Map.of(), args(json(demandRequest(demandLocalId, 2))),
                    () -> field(reader(who), "/current/version", "1", "demand:get", demand));
            case "demand:withdraw" -> write(as, function, Map.of(), args(demand, REASON),
                    () -> field(reader(who), "/current/status", "OPEN", "demand:get", demand));
            case "demand:get" -> read(as, function, demand);
            case "demand:publishMajor" -> {
                String code = majorCode(who.ordinal());
                int version = nextMajorVersion(reader(who), who.actor.org(), code);
                yield write(as, function, Map.of(), args(json(major(code, version))),
                        () -> nextMajorVersion(reader(who), who.actor.org(), code) == version ? null
                                : "version " + version + " of major " + code + " was published");
            }
            case "demand:getMajor" -> read(as, function, LiveNetwork.Org.COLLEGE.mspId, readMajor);
            case "demand:publishThresholds" -> {
                int version = chain.evaluate(reader(who), "demand:listThresholds").required("demand:listThresholds").size() + 1;
                yield write(as, function, Map.of(), args(json(thresholds(version))),
                        () -> chain.evaluate(reader(who), "demand:listThresholds").required("demand:listThresholds").size()
                                < version ? null : "version " + version + " of the thresholds was published");
            }
            case "demand:listThresholds" -> read(as, function);
            case "teacher:appoint" -> write(as, function, Map.of(), args(toAppoint.get(who)),
                    () -> refusedAs(ErrorCode.NOT_FOUND, reader(who), "teacher:getAppointment", toAppoint.get(who)));
            case "teacher:endAppointment" -> write(as, function, Map.of(), args(toEndAppointment.get(who), REASON),
                    () -> field(reader(who), "/current/status", "ACTIVE", "teacher:getAppointment", toEndAppointment.get(who)));
            case "teacher:getAppointment", "teacher:grade" -> read(as, function, learner);
            case "teacher:publishRule" -> {
                // Allowed: the version the setup published, again (a retry). Refused: the next one, which must not appear.
                boolean allowed = AuthorisationMatrix.row(function).of(who).refusal() == null;
                int published = gradingRuleVersions.get(who.actor.org());
                yield write(as, function, Map.of(), args(json(gradingRule(allowed ? published : published + 1))),
                        () -> chain.evaluate(reader(who), "teacher:listRules", msp).required("teacher:listRules").size()
                                == published ? null : "version " + (published + 1) + " of " + msp + "'s grading rule was published");
            }
            case "teacher:listRules" -> read(as, function, LiveNetwork.Org.COLLEGE.mspId);
            case "qualification:publish" -> {
                String code = "AZ" + run + "-PUBLISH-" + who.ordinal();
                yield write(as, function, Map.of(), args(json(qualification(code))),
                        () -> refusedAs(ErrorCode.NOT_FOUND, reader(who), "qualification:get", msp, code));
            }
            case "qualification:get" -> read(as, function, LiveNetwork.Org.COLLEGE.mspId, qualification);
            case "qualification:progress" -> read(as, function, LiveNetwork.Org.COLLEGE.mspId, qualification, learner);
            case "recognition:publishRule" -> {
                String code = "AZ" + run + "-RULE-" + who.ordinal();
                yield write(as, function, Map.of(), args(json(Drafts.transferRule(code))),
                        () -> refusedAs(ErrorCode.NOT_FOUND, reader(who), "recognition:getRule", msp, code, "1"));
            }
            case "recognition:retireRule" -> write(as, function, Map.of(), args(retireRules.get(who), "1", REASON),
                    () -> field(Identity.REGISTRAR.actor, "/status", "ACTIVE", "recognition:getRule",
                            LiveNetwork.Org.COLLEGE.mspId, retireRules.get(who), "1"));
            case "recognition:getRule" -> read(as, function, LiveNetwork.Org.COLLEGE.mspId, readRule, "1");
            case "recognition:listRules" -> read(as, function, LiveNetwork.Org.COLLEGE.mspId);
            case "recognition:recognise" -> {
                String localId = localId("RECOGNISE-" + who.ordinal());
                yield write(as, function, Map.of(), args(json(manual(localId, sources.get(who)))),
                        () -> refusedAs(ErrorCode.NOT_FOUND, reader(who), "recognition:get",
                                RecordId.recognition(msp, localId).toString()));
            }
            case "recognition:get", "recognition:history" -> read(as, function, recognition);
            case "transcript:transcript" -> read(as, function, learner);
            case "verification:verify" -> read(as, function, outcome, outcomeHash);
            default -> new Observed("FAILED", "no probe for " + function + "; add one to " + MatrixRun.class.getSimpleName());
        };
    }

    /**
     * The caller's own profile: an admin re-registers it as it is (an allowed call must not rename a
     * live institution); anyone else tries to rename it, and it must stay as registered.
     */
    private Observed register(Identity who) {
        LiveNetwork.Org org = who.actor.org();
        boolean allowed = AuthorisationMatrix.row("institution:register").of(who).refusal() == null;
        Map<String, Object> profile = new LinkedHashMap<>(profiles.get(org));
        if (!allowed) {
            profile.put("name", "Intruder " + run);
        }
        return write(who.actor, "institution:register", Map.of(), args(json(profile)), () -> {
            JsonNode now = chain.evaluate(reader(who), "institution:get", org.mspId).required("institution:get");
            return now.equals(registered.get(org)) ? null : "the profile is now " + now;
        });
    }

    /** A fresh Ed25519 Multikey (random bytes: the contract checks the encoding, never uses the key). */
    private static String newSigningKey() {
        byte[] raw = new byte[Ed25519Multikey.KEY_BYTES];
        new java.security.SecureRandom().nextBytes(raw);
        return Ed25519Multikey.encode(raw);
    }

    /**
     * Null when the caller's organisation lists {@code key} as {@code expected} ("in force"), or does
     * not list it when {@code expected} is null; else what the ledger says.
     */
    private String signingKeyState(Identity who, String key, String expected) {
        JsonNode keys = chain.evaluate(reader(who), "signingkey:listOf", who.actor.org().mspId)
                .required("signingkey:listOf");
        for (JsonNode k : keys) {
            if (k.path("publicKeyMultibase").asText().equals(key)) {
                boolean inForce = k.path("retiredAt").isMissingNode() || k.path("retiredAt").isNull();
                return "in force".equals(expected) && inForce ? null : "the key is now " + k;
            }
        }
        return expected == null ? null : "the key is no longer listed";
    }

    private Observed statusChange(Actor as, String function, String id, String status) {
        return write(as, function, Map.of(), args(id, REASON),
                () -> field(Identity.REGISTRAR.actor, "/status", status, "outcome:get", id));
    }

    private Observed read(Actor as, String function, String... args) {
        Answer answer = chain.evaluate(as, function, args);
        return new Observed(answer.label(), answer.failure());
    }

    /**
     * Submits; when the chaincode refuses, {@code unchanged} must find nothing changed: it answers
     * null, or what it found instead.
     */
    private Observed write(Actor as, String function, Map<String, byte[]> transientData, String[] args,
                           Supplier<String> unchanged) {
        Answer answer = chain.submit(as, transientData, function, args);
        if (answer.refusal() != null) {
            String changed = unchanged.get();
            if (changed != null) {
                return new Observed("CHANGED", "refused with " + answer.refusal() + ", yet " + changed);
            }
        }
        return new Observed(answer.label(), answer.failure());
    }

    /** Null when {@code function} is refused with {@code code}, else what it answered. */
    private String refusedAs(ErrorCode code, Actor as, String function, String... args) {
        Answer answer = chain.evaluate(as, function, args);
        return code == answer.refusal() ? null
                : function + " answered " + answer.label() + (answer.isOk() ? " " + answer.result() : "");
    }

    /** Null when {@code function} answers at all, else its refusal. */
    private String answers(Actor as, String function, String... args) {
        Answer answer = chain.evaluate(as, function, args);
        return answer.isOk() ? null : function + " answered " + answer.label();
    }

    /** Null when {@code function} answers {@code expected} at {@code pointer}, else what it answered. */
    private String field(Actor as, String pointer, String expected, String function, String... args) {
        Answer answer = chain.evaluate(as, function, args);
        if (answer.isOk() && expected.equals(answer.result().at(pointer).asText())) {
            return null;
        }
        return function + " answered " + (answer.isOk() ? pointer + " = " + answer.result().at(pointer) : answer.label());
    }

    /** A registrar of the caller's own organisation: it reads what the caller would have written. */
    private static Actor reader(Identity who) {
        return new Actor(who.actor.org(), "registrar1");
    }

    private static Actor admin(LiveNetwork.Org org) {
        return new Actor(org, "admin");
    }

    // ------------------------------------------------------------------ arguments

    private String localId(String purpose) {
        return "AZ-" + run + "-" + purpose;
    }

    private static String newAccountNumber() {
        return AccountNumber.random(RANDOM);
    }

    private static String[] args(String... args) {
        return args;
    }

    private static Map<String, byte[]> personal(String account, String name) {
        return personal(account, name, null);
    }

    /** The college's student number of the matrix's learner (this run's own, so runs never collide). */
    private String studentNumber() {
        return "AZ" + run + "-S";
    }

    private static Map<String, byte[]> personal(String account, String name, String studentNumber) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (studentNumber != null) {
            data.put("studentNumber", studentNumber);
        }
        data.put("accountNo", account);
        data.put("name", name);
        data.put("birthDate", "2005-04-12");
        data.put("nationalId", "440101200504120011");
        data.put("salt", "0123456789abcdef0123456789abcdef");
        return Map.of("personal", json(data).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> qualification(String code) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("code", code);
        terms.put("title", "数控技术专科");
        terms.put("totalCredits", 60);
        return terms;
    }

    private Map<String, Object> manual(String localId, String source) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", localId);
        request.put("learner", learner);
        request.put("sourceOutcomeIds", List.of(source));
        request.put("method", "MANUAL");
        request.put("target", Map.of("title", "数控实践", "category", "实践教学"));
        request.put("credits", 1);
        request.put("justification", REASON);
        return request;
    }

    /** A school's confirmation that the manufacturer's engineer co-taught course {@code courseCode}. */
    private static Map<String, Object> coTeaching(String localId, String courseCode) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", localId);
        request.put("type", "CO_TEACHING");
        request.put("enterprise", LiveNetwork.Org.HARDWARE.mspId);
        request.put("courseCode", courseCode);
        request.put("courseTitle", "数控车床编程");
        request.put("activityStart", "2026-03-01");
        request.put("activityEnd", "2026-07-01");
        request.put("hours", 16);
        return request;
    }

    private Map<String, Object> trainingClaim(String recognitionId, String outcomeId) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("factType", "TRAINING_RECOGNISED");
        claim.put("factId", recognitionId);
        claim.put("outcomeId", outcomeId);
        claim.put("policyVersion", policyVersion);
        return claim;
    }

    private static Map<String, Object> demandRequest(String localId, int headcount) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", localId);
        request.put("occupationCode", "6-18-02-04");
        request.put("headcount", headcount);
        request.put("region", "440000");
        request.put("period", "2027-Q1");
        return request;
    }

    /** A six-digit major code of this run's own ({@code 9}, four digits of the run, the slot). */
    private String majorCode(int slot) {
        return "9" + String.format("%04d", Math.floorMod(run.hashCode(), 10_000)) + slot;
    }

    /** The version a publication of the organisation's major {@code code} must have next. */
    private int nextMajorVersion(Actor reader, LiveNetwork.Org org, String code) {
        Answer versions = chain.evaluate(reader, "demand:getMajor", org.mspId, code);
        return versions.refusal() == ErrorCode.NOT_FOUND ? 1 : versions.required("demand:getMajor").size() + 1;
    }

    private static Map<String, Object> major(String code, int version) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("majorCode", code);
        terms.put("name", "焊接技术与自动化");
        terms.put("version", version);
        terms.put("occupationCodes", List.of("6-18-02-04"));
        return terms;
    }

    private static Map<String, Object> thresholds(int version) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("version", version);
        t.put("title", POLICY_TITLE);
        t.put("redBelow", 0.5);
        t.put("yellowBelow", 0.8);
        t.put("yellowAbove", 1.2);
        t.put("redAbove", 1.5);
        t.put("trendPeriods", 4);
        return t;
    }

    /** Version {@code version} of a school's grading rule; the same terms for the same version, so a retry matches. */
    private static Map<String, Object> gradingRule(int version) {
        Map<String, Object> criterion = new LinkedHashMap<>();
        criterion.put("name", "企业实践");
        criterion.put("kinds", List.of("WORK_EXPERIENCE"));
        criterion.put("measure", "HOURS");
        criterion.put("green", 60);
        criterion.put("yellow", 30);
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("version", version);
        rule.put("title", POLICY_TITLE);
        rule.put("criteria", List.of(criterion));
        return rule;
    }

    private static Map<String, Object> redemptionRequest(String localId) {
        return Map.of("localId", localId, "points", 1, "purpose", REASON);
    }

    private static String json(Object value) {
        return CanonicalJson.toJson(value);
    }
}
