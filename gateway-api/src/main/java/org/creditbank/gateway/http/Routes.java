package org.creditbank.gateway.http;

import static org.creditbank.gateway.auth.TokenRole.LEARNER;
import static org.creditbank.gateway.auth.TokenRole.REGISTRAR;
import static org.creditbank.gateway.auth.TokenRole.VERIFIER;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.importing.OutcomeCsv;
import org.creditbank.gateway.importing.XlsxTable;
import org.creditbank.gateway.learner.LearnerService;
import org.creditbank.gateway.ledger.Receipt;
import org.creditbank.gateway.outcome.OutcomeService.StatusChange;
import org.creditbank.gateway.points.PointsService.Decision;
import org.creditbank.gateway.recognition.RecognitionApplications;
import org.creditbank.gateway.share.ShareRequest;
import org.creditbank.gateway.verification.VerificationService;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.demand.DemandRequest;
import org.creditbank.model.demand.IndicatorQuery;
import org.creditbank.model.demand.MajorTerms;
import org.creditbank.model.demand.WarningThresholds;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.points.AccrualClaim;
import org.creditbank.model.points.ConfirmationRequest;
import org.creditbank.model.points.PolicyTerms;
import org.creditbank.model.points.RedemptionRequest;
import org.creditbank.model.qualification.QualificationTerms;
import org.creditbank.model.recognition.ApplicationDecision;
import org.creditbank.model.recognition.RecognitionRequest;
import org.creditbank.model.recognition.RuleTerms;
import org.creditbank.model.teacher.GradingRule;

/**
 * Every HTTP route of the gateway, in one place. Handlers only translate HTTP to a use case and
 * back (each calls one use-case method); authorisation by role is declared with the route and
 * enforced in {@link GatewayServer}, and which records a caller may read is the use case's rule.
 */
final class Routes {

    static final String API = "/api/v1";
    /** The Content-Security-Policy of the gateway's pages ({@link #page}). */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private Routes() {
    }

    static void declare(RoutesConfig r, Services s) {
        r.get("/healthz", ctx -> ctx.json(Map.of("status", "up")));
        r.get("/readyz", ctx -> {
            boolean ready = s.verification().ledgerAnswers();
            ctx.status(ready ? 200 : 503).json(Map.of("status", ready ? "ready" : "ledger unreachable"));
        });
        r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(s.metrics().scrape()));
        r.get("/openapi.json", ctx -> ctx.contentType("application/json").result(ClasspathText.load("/openapi.json")));

        // Public: anyone may verify a record.
        r.post(API + "/verify", ctx -> json(ctx, 200,
                s.verification().verify(body(ctx, VerificationService.Question.class))));

        r.get(API + "/institutions", ctx -> json(ctx, 200, s.institutions().list(who(ctx))), REGISTRAR, VERIFIER);
        // A learner's page needs it too: which of their records this institution signs and shares, which it may recognise.
        r.get(API + "/institutions/me", ctx -> json(ctx, 200, s.institutions().own(who(ctx))), REGISTRAR, VERIFIER,
                LEARNER);

        r.get(API + "/learners", ctx -> json(ctx, 200, s.learners().findByStudentNumber(who(ctx),
                requiredQuery(ctx, "studentNumber"))), REGISTRAR);
        r.post(API + "/learners", ctx -> receipt(ctx, s.learners().openAccount(who(ctx),
                ctx.header(LearnerService.IDEMPOTENCY_KEY))), REGISTRAR);
        r.get(API + "/learners/{accountNo}/transcript",
                ctx -> json(ctx, 200, s.learners().transcript(who(ctx), ctx.pathParam("accountNo"))), REGISTRAR, VERIFIER, LEARNER);

        r.post(API + "/outcomes", ctx -> receipt(ctx, s.outcomes().issue(who(ctx), body(ctx, OutcomeDraft.class))), REGISTRAR);
        r.post(API + "/outcomes/batch", ctx -> receipt(ctx, s.outcomes().issueBatch(who(ctx),
                body(ctx, Batch.class).items())), REGISTRAR);
        // Lists from the read model (docs/read-model.md): the ledger's records, at most a few blocks behind.
        // Notifications: sources of this institution's recognitions that their issuers revoked or suspended.
        r.get(API + "/notifications", ctx -> json(ctx, 200, s.notifications().after(ctx.queryParam("after"))), REGISTRAR);
        r.get(API + "/notifications/stream", s.notificationStream(), REGISTRAR);
        r.get(API + "/read-model/status", ctx -> json(ctx, 200, s.readModel().status()), REGISTRAR, VERIFIER);
        r.get(API + "/outcomes", ctx -> json(ctx, 200, s.readModel().outcomes(ctx.queryParam("issuer"),
                ctx.queryParam("status"), ctx.queryParam("learner"), ctx.queryParam("category"), ctx.queryParam("batch"),
                ctx.queryParam("page"), ctx.queryParam("size"))), REGISTRAR);
        r.get(API + "/outcomes/{id}", ctx -> json(ctx, 200, s.outcomes().get(who(ctx), ctx.pathParam("id"))),
                REGISTRAR, VERIFIER, LEARNER);
        r.get(API + "/outcomes/{id}/history", ctx -> json(ctx, 200, s.outcomes().history(who(ctx), ctx.pathParam("id"))),
                REGISTRAR, VERIFIER);
        for (StatusChange change : StatusChange.values()) {
            r.post(API + "/outcomes/{id}/" + change.name().toLowerCase(Locale.ROOT), ctx -> receipt(ctx, s.outcomes().changeStatus(
                    who(ctx), ctx.pathParam("id"), change, body(ctx, Reason.class).reason())), REGISTRAR);
        }

        r.post(API + "/rules", ctx -> receipt(ctx, s.recognition().publishRule(who(ctx), body(ctx, RuleTerms.class))), REGISTRAR);
        r.get(API + "/rules", ctx -> json(ctx, 200, s.recognition().rules(who(ctx), requiredQuery(ctx, "owner"))),
                REGISTRAR, VERIFIER);
        r.post(API + "/rules/{code}/versions/{version}/retire", ctx -> receipt(ctx, s.recognition().retireRule(who(ctx),
                ctx.pathParam("code"), version(ctx), body(ctx, Reason.class).reason())), REGISTRAR);
        r.post(API + "/recognitions", ctx -> receipt(ctx,
                s.recognition().recognise(who(ctx), body(ctx, RecognitionRequest.class))), REGISTRAR);
        r.get(API + "/recognitions/{id}", ctx -> json(ctx, 200, s.recognition().get(who(ctx), ctx.pathParam("id"))),
                REGISTRAR, VERIFIER);

        // Recognition applications (学分认定申请): learners apply to this institution, its registrars decide.
        String applications = API + "/recognition-applications";
        r.post(applications, ctx -> receipt(ctx, s.applications().apply(who(ctx),
                body(ctx, RecognitionApplications.Application.class))), LEARNER);
        r.get(applications, ctx -> json(ctx, 200, s.readModel().applications(ctx.queryParam("status"),
                ctx.queryParam("page"), ctx.queryParam("size"))), REGISTRAR);
        r.get(applications + "/{id}", ctx -> json(ctx, 200, s.applications().assess(who(ctx), ctx.pathParam("id"))),
                REGISTRAR, LEARNER);
        r.get(applications + "/{id}/history", ctx -> json(ctx, 200, s.applications().history(who(ctx),
                ctx.pathParam("id"))), REGISTRAR, LEARNER);
        r.post(applications + "/{id}/approve", ctx -> receipt(ctx, s.applications().approve(who(ctx), ctx.pathParam("id"),
                body(ctx, ApplicationDecision.class))), REGISTRAR);
        r.post(applications + "/{id}/reject", ctx -> receipt(ctx, s.applications().reject(who(ctx), ctx.pathParam("id"),
                body(ctx, Reason.class).reason())), REGISTRAR);
        r.post(applications + "/{id}/withdraw", ctx -> receipt(ctx, s.applications().withdraw(who(ctx),
                ctx.pathParam("id"), body(ctx, Reason.class).reason())), LEARNER);
        r.get(API + "/learners/{accountNo}/recognition-applications", ctx -> json(ctx, 200,
                s.applications().ofLearner(who(ctx), ctx.pathParam("accountNo"))), REGISTRAR, LEARNER);

        // Education-responsibility points: the chaincode decides which institution type may write what.
        r.post(API + "/points/policies", ctx -> receipt(ctx, s.points().publishPolicy(who(ctx),
                body(ctx, PolicyTerms.class))), REGISTRAR);
        r.get(API + "/points/policies", ctx -> json(ctx, 200, s.points().policies(who(ctx))), REGISTRAR, VERIFIER);
        r.get(API + "/points/policies/{version}", ctx -> json(ctx, 200, s.points().policy(who(ctx), version(ctx))),
                REGISTRAR, VERIFIER);
        r.post(API + "/points/policies/{version}/retire", ctx -> receipt(ctx, s.points().retirePolicy(who(ctx),
                version(ctx), body(ctx, Reason.class).reason())), REGISTRAR);
        r.post(API + "/points/confirmations", ctx -> receipt(ctx, s.points().confirm(who(ctx),
                body(ctx, ConfirmationRequest.class))), REGISTRAR);
        r.get(API + "/points/confirmations/{id}", ctx -> json(ctx, 200, s.points().confirmation(who(ctx),
                ctx.pathParam("id"))), REGISTRAR, VERIFIER);
        r.get(API + "/points/confirmations/{id}/history", ctx -> json(ctx, 200, s.points().confirmationHistory(who(ctx),
                ctx.pathParam("id"))), REGISTRAR, VERIFIER);
        r.post(API + "/points/confirmations/{id}/withdraw", ctx -> receipt(ctx, s.points().withdrawConfirmation(who(ctx),
                ctx.pathParam("id"), body(ctx, Reason.class).reason())), REGISTRAR);
        r.post(API + "/points/accruals", ctx -> receipt(ctx, s.points().accrue(who(ctx), body(ctx, AccrualClaim.class))),
                REGISTRAR);
        r.get(API + "/points/enterprises/{mspId}/balance", ctx -> json(ctx, 200, s.points().balance(who(ctx),
                ctx.pathParam("mspId"))), REGISTRAR, VERIFIER);
        r.post(API + "/points/redemptions", ctx -> receipt(ctx, s.points().applyRedemption(who(ctx),
                body(ctx, RedemptionRequest.class))), REGISTRAR);
        r.get(API + "/points/redemptions/{id}", ctx -> json(ctx, 200, s.points().redemption(who(ctx),
                ctx.pathParam("id"))), REGISTRAR, VERIFIER);
        r.get(API + "/points/redemptions/{id}/history", ctx -> json(ctx, 200, s.points().redemptionHistory(who(ctx),
                ctx.pathParam("id"))), REGISTRAR, VERIFIER);
        for (Decision decision : Decision.values()) {
            r.post(API + "/points/redemptions/{id}/" + decision.name().toLowerCase(Locale.ROOT), ctx -> receipt(ctx,
                    s.points().decide(who(ctx), ctx.pathParam("id"), decision, body(ctx, Reason.class).reason())), REGISTRAR);
        }

        // Talent demand and major-adjustment warnings: the chaincode decides which institution type publishes what.
        r.post(API + "/demand/entries", ctx -> receipt(ctx, s.demand().publish(who(ctx), body(ctx, DemandRequest.class))),
                REGISTRAR);
        r.get(API + "/demand/entries/{id}", ctx -> json(ctx, 200, s.demand().demand(who(ctx), ctx.pathParam("id"))),
                REGISTRAR, VERIFIER);
        r.post(API + "/demand/entries/{id}/update", ctx -> receipt(ctx, s.demand().update(who(ctx), ctx.pathParam("id"),
                body(ctx, DemandRequest.class))), REGISTRAR);
        r.post(API + "/demand/entries/{id}/withdraw", ctx -> receipt(ctx, s.demand().withdraw(who(ctx), ctx.pathParam("id"),
                body(ctx, Reason.class).reason())), REGISTRAR);
        r.post(API + "/demand/majors", ctx -> receipt(ctx, s.demand().publishMajor(who(ctx), body(ctx, MajorTerms.class))),
                REGISTRAR);
        r.get(API + "/demand/majors/{school}/{majorCode}", ctx -> json(ctx, 200, s.demand().major(who(ctx),
                ctx.pathParam("school"), ctx.pathParam("majorCode"))), REGISTRAR, VERIFIER);
        r.post(API + "/demand/thresholds", ctx -> receipt(ctx, s.demand().publishThresholds(who(ctx),
                body(ctx, WarningThresholds.class))), REGISTRAR);
        r.get(API + "/demand/thresholds", ctx -> json(ctx, 200, s.demand().thresholds(who(ctx))), REGISTRAR, VERIFIER);
        r.get(API + "/demand/indicators", ctx -> json(ctx, 200, s.demand().indicators(new IndicatorQuery(
                optionalQuery(ctx, "school"), ctx.queryParam("from"), ctx.queryParam("to"), optionalQuery(ctx, "region")))),
                REGISTRAR, VERIFIER);

        // Teachers' digital-competence grades: a school appoints and publishes its rule; the ledger grades.
        r.post(API + "/teachers/appointments", ctx -> receipt(ctx, s.teachers().appoint(who(ctx),
                body(ctx, Appointment.class).accountNo())), REGISTRAR);
        r.get(API + "/teachers/appointments/{accountNo}", ctx -> json(ctx, 200, s.teachers().appointment(who(ctx),
                ctx.pathParam("accountNo"))), REGISTRAR, VERIFIER);
        r.post(API + "/teachers/appointments/{accountNo}/end", ctx -> receipt(ctx, s.teachers().endAppointment(who(ctx),
                ctx.pathParam("accountNo"), body(ctx, Reason.class).reason())), REGISTRAR);
        r.post(API + "/teachers/rules", ctx -> receipt(ctx, s.teachers().publishRule(who(ctx), body(ctx, GradingRule.class))),
                REGISTRAR);
        r.get(API + "/teachers/rules", ctx -> json(ctx, 200, s.teachers().rules(who(ctx), requiredQuery(ctx, "school"))),
                REGISTRAR, VERIFIER);
        r.get(API + "/teachers/grades", ctx -> json(ctx, 200, s.teachers().distribution(requiredQuery(ctx, "school"))),
                REGISTRAR, VERIFIER);
        r.get(API + "/teachers/grades/{accountNo}", ctx -> json(ctx, 200, s.teachers().grade(who(ctx),
                ctx.pathParam("accountNo"))), REGISTRAR, VERIFIER, LEARNER);
        r.get("/dashboard", ctx -> page(ctx, "/web/dashboard.html", "text/html"));
        r.get("/dashboard/dashboard.js", ctx -> page(ctx, "/web/dashboard.js", "text/javascript"));
        r.get("/dashboard/dashboard.css", ctx -> page(ctx, "/web/dashboard.css", "text/css"));

        // Credentials: signed by this institution for its own records, verifiable by anyone.
        r.get(API + "/outcomes/{id}/credential", ctx -> jsonText(ctx,
                s.credentials().outcomeCredential(who(ctx), ctx.pathParam("id"), booleanQuery(ctx, "withName", false))),
                REGISTRAR, LEARNER);
        r.get(API + "/recognitions/{id}/credential", ctx -> jsonText(ctx,
                s.credentials().recognitionCredential(who(ctx), ctx.pathParam("id"))), REGISTRAR, LEARNER);
        r.get(API + "/learners/{accountNo}/transcript-credential", ctx -> jsonText(ctx, s.credentials().transcriptCredential(
                who(ctx), ctx.pathParam("accountNo"), listQuery(ctx, "disclose"))), REGISTRAR, LEARNER);
        r.get("/.well-known/creditbank/issuer.json", ctx -> jsonText(ctx, s.credentials().issuerDocument()));
        r.get("/.well-known/did.json", ctx -> jsonText(ctx, s.credentials().didDocument()));
        r.get(API + "/status-lists/{listId}/{purpose}", ctx -> jsonText(ctx,
                s.credentials().statusList(ctx.pathParam("listId"), ctx.pathParam("purpose"))));
        r.post(API + "/credentials/verify", ctx -> json(ctx, 200, s.credentials().verify(text(ctx))));
        r.post(API + "/credentials/qr", ctx -> ctx.contentType("image/svg+xml").result(s.credentials().qrCode(text(ctx))));
        r.get("/verify", ctx -> page(ctx, "/web/verify.html", "text/html"));
        r.get("/verify/verify.js", ctx -> page(ctx, "/web/verify.js", "text/javascript"));
        r.get("/verify/verify.css", ctx -> page(ctx, "/web/verify.css", "text/css"));

        // Shares: a learner discloses chosen records behind a short link; whoever holds it sees them verified.
        r.post(API + "/shares", ctx -> json(ctx, 201, s.shares().create(who(ctx), body(ctx, ShareRequest.class))), LEARNER);
        r.get(API + "/shares", ctx -> json(ctx, 200, s.shares().list(who(ctx))), LEARNER);
        r.post(API + "/shares/{id}/withdraw", ctx -> json(ctx, 200, s.shares().withdraw(who(ctx), ctx.pathParam("id"))),
                LEARNER);
        r.get(API + "/shares/{id}/document", ctx -> json(noStore(ctx), 200, s.shares().document(ctx.pathParam("id"))));
        r.get(API + "/shares/{id}/qr", ctx -> noStore(ctx).contentType("image/svg+xml")
                .result(s.shares().qrCode(ctx.pathParam("id"))));
        r.get("/s/{id}", ctx -> page(noStore(ctx).header("X-Robots-Tag", "noindex"), "/web/verify.html", "text/html"));

        // The registrar's console (教务处): a static page whose script calls the routes above with the registrar's token.
        r.get("/registrar", ctx -> page(ctx, "/web/registrar.html", "text/html"));
        r.get("/registrar/registrar.js", ctx -> page(ctx, "/web/registrar.js", "text/javascript"));
        r.get("/registrar/registrar.css", ctx -> page(ctx, "/web/registrar.css", "text/css"));

        // Wallets: a learner opens a one-time offer; a wallet collects it by OpenID4VCI or a VC-API exchange.
        r.post(API + "/outcomes/{id}/wallet-offers", ctx -> json(ctx, 201,
                s.wallet().open(who(ctx), ctx.pathParam("id"), booleanQuery(ctx, "withName", false))), LEARNER, REGISTRAR);
        r.get("/.well-known/openid-credential-issuer", ctx -> json(ctx, 200, s.wallet().oid4vci().issuerMetadata()));
        r.get("/.well-known/oauth-authorization-server", ctx -> json(ctx, 200,
                s.wallet().oid4vci().authorizationServerMetadata()));
        r.get("/oid4vci/offers/{offerId}", ctx -> json(noStore(ctx), 200,
                s.wallet().oid4vci().offer(ctx.pathParam("offerId"))));
        r.post("/oid4vci/token", ctx -> json(noStore(ctx), 200, s.wallet().oid4vci().token(
                formParam(ctx, "grant_type"), formParam(ctx, "pre-authorized_code"))));
        r.post("/oid4vci/nonce", ctx -> json(noStore(ctx), 200, s.wallet().oid4vci().nonce()));
        r.post("/oid4vci/credential", ctx -> jsonText(noStore(ctx), s.wallet().oid4vci().credential(
                ctx.header("Authorization"), text(ctx))));
        r.get("/exchanges/{offerId}/protocols", ctx -> json(noStore(ctx), 200,
                s.wallet().vcApi().protocols(ctx.pathParam("offerId"))));
        r.post("/exchanges/{offerId}", ctx -> jsonText(noStore(ctx), s.wallet().vcApi().step(ctx.pathParam("offerId"),
                text(ctx))));

        // Learners sign in with a one-time code from their institution (see Activations for why it cannot be guessed).
        r.post(API + "/learners/{accountNo}/activations", ctx -> json(noStore(ctx), 201,
                s.activations().create(who(ctx), ctx.pathParam("accountNo"))), REGISTRAR);
        r.post(API + "/activations/redeem", ctx -> json(noStore(ctx), 201, s.activations().redeem(
                body(ctx, ActivationCode.class).code(), ctx.attribute(RequestGuard.CLIENT_ADDRESS))));
        r.post(API + "/tokens/me/revoke", ctx -> json(ctx, 200,
                new Revoked(who(ctx).tokenId(), s.tokens().revoke(who(ctx).tokenId()))), REGISTRAR, VERIFIER, LEARNER);
        r.get("/activate", ctx -> page(noStore(ctx), "/web/activate.html", "text/html"));
        r.get("/account", ctx -> page(noStore(ctx), "/web/account.html", "text/html"));
        r.get("/learner/learner.js", ctx -> page(ctx, "/web/learner.js", "text/javascript"));
        r.get("/learner/learner.css", ctx -> page(ctx, "/web/learner.css", "text/css"));

        // Qualifications (学分积累): the chaincode decides who may publish.
        r.post(API + "/qualifications", ctx -> receipt(ctx, s.qualifications().publish(who(ctx),
                body(ctx, QualificationTerms.class))), REGISTRAR);
        r.get(API + "/qualifications/{owner}/{code}", ctx -> json(ctx, 200, s.qualifications().get(who(ctx),
                ctx.pathParam("owner"), ctx.pathParam("code"))), REGISTRAR, VERIFIER, LEARNER);
        r.get(API + "/qualifications/{owner}/{code}/progress/{accountNo}", ctx -> json(ctx, 200, s.qualifications().progress(
                who(ctx), ctx.pathParam("owner"), ctx.pathParam("code"), ctx.pathParam("accountNo"))), REGISTRAR, VERIFIER, LEARNER);

        // Personal data in this institution's private collection: sent in the transient map, erasable.
        r.post(API + "/learners/{accountNo}/personal-data", ctx -> receipt(ctx, s.learners().putPersonalData(who(ctx),
                ctx.pathParam("accountNo"), body(ctx, LearnerService.PersonalDetails.class))), REGISTRAR);
        r.get(API + "/learners/{accountNo}/personal-data", ctx -> json(noStore(ctx), 200,
                s.learners().personalData(who(ctx), ctx.pathParam("accountNo"))), REGISTRAR);
        r.post(API + "/learners/{accountNo}/personal-data/purge", ctx -> receipt(ctx,
                s.learners().purgePersonalData(who(ctx), ctx.pathParam("accountNo"))), REGISTRAR);

        r.get(API + "/rules/{code}/versions/{version}", ctx -> json(ctx, 200, s.recognition().rule(who(ctx),
                requiredQuery(ctx, "owner"), ctx.pathParam("code"), version(ctx))), REGISTRAR, VERIFIER);
        r.get(API + "/recognitions/{id}/history", ctx -> json(ctx, 200, s.recognition().history(who(ctx),
                ctx.pathParam("id"))), REGISTRAR, VERIFIER);
        r.get(API + "/institutions/{mspId}", ctx -> json(ctx, 200, s.institutions().byId(who(ctx),
                ctx.pathParam("mspId"))), REGISTRAR, VERIFIER, LEARNER);

        r.post(API + "/imports/outcomes", ctx -> json(ctx, 200, s.imports().run(who(ctx), spreadsheetRows(ctx),
                booleanQuery(ctx, "dryRun", true))), REGISTRAR);
    }

    /** Body of POST /outcomes/batch. */
    record Batch(List<OutcomeDraft> items) {
        Batch {
            items = items == null ? List.of() : items;
        }
    }

    /** Body of POST /activations/redeem: the code as the learner typed or followed it. */
    record ActivationCode(String code) {
    }

    /** Answer of POST /tokens/me/revoke. */
    record Revoked(String tokenId, boolean revoked) {
    }

    /** Body of POST /teachers/appointments. */
    record Appointment(String accountNo) {
    }

    /** Body of status changes, retirements, withdrawals and decisions. */
    record Reason(String reason) {
    }

    static Principal who(Context ctx) {
        return ctx.attribute(GatewayServer.PRINCIPAL);
    }

    /**
     * One of the gateway's pages or their script and style, with the page's Content-Security-Policy:
     * its own script, style, images (the QR code, also as a blob or data URL), form targets and API
     * only, nothing inline, nothing framed; one policy for every page (verify, shares, the learner's
     * pages, the dashboard). The headers every answer gets are {@link GatewayServer}'s.
     */
    private static void page(Context ctx, String resource, String mediaType) {
        ctx.header("Content-Security-Policy", PAGE_POLICY).contentType(mediaType + "; charset=utf-8")
                .result(ClasspathText.load(resource));
    }

    /** One-time secrets (offers, codes, tokens, nonces) must not be kept by any cache. */
    private static Context noStore(Context ctx) {
        return ctx.header("Cache-Control", "no-store");
    }

    private static void json(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json").result(keysInNameOrder(value));
    }

    /**
     * The canonical JSON of an answer with the keys of every object in name order, maps keyed by an
     * enum included. The services hand over the model's records, and a record writes an enum-keyed
     * map (a transcript's {@code totals.byKind}) in the enum's declaration order; clients have always
     * read the ledger's answers re-sorted by name, and keep reading exactly those bytes.
     */
    private static String keysInNameOrder(Object value) {
        return CanonicalJson.toJson(CanonicalJson.read(CanonicalJson.toJson(value), JsonNode.class));
    }

    /** A document that is already JSON (a signed credential keeps its own bytes). */
    private static void jsonText(Context ctx, String json) {
        ctx.status(200).contentType("application/json").result(json);
    }

    private static String text(Context ctx) {
        return RequestText.utf8(ctx.bodyAsBytes());
    }

    /** A comma-separated query parameter; empty when absent. */
    private static List<String> listQuery(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /**
     * 201 for what this request created, 200 for what an earlier identical request already made.
     * The transaction and block are given when this request wrote one.
     */
    private static void receipt(Context ctx, Receipt<?> receipt) {
        Map<String, Object> answer = new TreeMap<>(Map.of("record", receipt.record()));
        receipt.commit().ifPresent(c -> {
            answer.put("txId", c.txId());
            answer.put("blockNumber", c.blockNumber());
        });
        json(ctx, receipt.created() ? 201 : 200, answer);
    }

    private static <T> T body(Context ctx, Class<T> type) {
        try {
            return CanonicalJson.read(text(ctx), type);
        } catch (CanonicalJson.MalformedJsonException e) {
            throw new ApiException(ErrorCode.MALFORMED_INPUT, e.getMessage(), e.violations(), null, e);
        }
    }

    /**
     * A field of an {@code application/x-www-form-urlencoded} body (OAuth's token request). Any other
     * body is refused before the server parses it: a multipart type without its boundary made the
     * parser fail with a 500.
     */
    private static String formParam(Context ctx, String name) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new ApiException(ErrorCode.MALFORMED_INPUT, "the body must be a form "
                    + "(Content-Type: application/x-www-form-urlencoded), not " + type).with("error", "invalid_request");
        }
        return ctx.formParam(name);
    }

    /** A query parameter, null when absent or blank. */
    private static String optionalQuery(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** The rows of an uploaded outcome spreadsheet: an .xlsx workbook, else CSV text. */
    private static List<OutcomeCsv.Row> spreadsheetRows(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        return XlsxTable.isWorkbook(ctx.contentType(), body) ? OutcomeCsv.read(XlsxTable.read(body))
                : OutcomeCsv.read(RequestText.spreadsheet(body));
    }

    private static String requiredQuery(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "query parameter '" + name + "' is required");
        }
        return value;
    }

    /** A true/false query parameter (any case); {@code absent} when it is not given, refused when it is neither. */
    private static boolean booleanQuery(Context ctx, String name, boolean absent) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return absent;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ApiException(ErrorCode.INVALID_FIELD, "query parameter '" + name + "' must be true or false");
    }

    private static int version(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("version"));
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "version must be a whole number");
        }
    }
}
