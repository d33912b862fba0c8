package org.creditbank.gateway.recognition;

import java.util.List;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.ledger.LedgerResult;
import org.creditbank.gateway.ledger.Receipt;
import org.creditbank.model.RecordId;
import org.creditbank.model.StatusReason;
import org.creditbank.model.history.HistoryEntry;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.learner.AccountNumber;
import org.creditbank.model.recognition.ApplicationAssessment;
import org.creditbank.model.recognition.ApplicationDecision;
import org.creditbank.model.recognition.ApplicationRequest;
import org.creditbank.model.recognition.RecognitionApplication;

/**
 * Learners' recognition applications to the gateway's own institution: a learner applies and may
 * withdraw; the institution's registrars assess and decide. A learner sees only their own
 * applications (anything else looks absent, as for records).
 */
public final class RecognitionApplications {

    /** What a learner sends: the application without the learner, who is the token's. */
    public record Application(String localId, List<String> sourceOutcomeIds, String ruleCode, Integer ruleVersion,
                              String statement) {
    }

    private final LedgerClient ledger;

    public RecognitionApplications(LedgerClient ledger) {
        this.ledger = ledger;
    }

    /**
     * The learner's application. Without a {@code localId} the number follows from the content, so
     * a form sent twice is one application; to apply again after a decision, say something new.
     */
    public Receipt<RecognitionApplication> apply(Principal learner, Application a) {
        String localId = a.localId() != null ? a.localId()
                : "A" + CanonicalJson.sha256Hex(List.of(learner.learner(), String.valueOf(a.sourceOutcomeIds()),
                        String.valueOf(a.ruleCode()), String.valueOf(a.ruleVersion()), String.valueOf(a.statement())))
                        .substring(0, 24).toUpperCase(java.util.Locale.ROOT);
        ApplicationRequest request = new ApplicationRequest(localId, learner.learner(), a.sourceOutcomeIds(), a.ruleCode(),
                a.ruleVersion(), a.statement());
        ApiException.throwIfAny(request.validate());
        LedgerResult r = ledger.submit(learner.identity(), LedgerCall.of("application:apply", CanonicalJson.toJson(request)));
        return Receipt.of(r, RecognitionApplication.class, application -> r.committedAs(application.txId()));
    }

    /** The application and how the rule it names applies; a learner sees their own only. */
    public ApplicationAssessment assess(Principal caller, String id) {
        requireApplicationId(id);
        ApplicationAssessment assessment = CanonicalJson.read(ledger.evaluate(caller.identity(),
                LedgerCall.of("application:assess", id)), ApplicationAssessment.class);
        visibleTo(caller, assessment.application());
        return assessment;
    }

    public List<HistoryEntry> history(Principal caller, String id) {
        application(caller, id);
        return List.of(CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("application:history", id)),
                HistoryEntry[].class));
    }

    /** A learner's applications to every institution; a learner token reads only its own. */
    public List<RecognitionApplication> ofLearner(Principal caller, String accountNo) {
        if (!AccountNumber.isValid(accountNo) || !caller.mayReadRecordsOf(accountNo)) {
            throw ApiException.notFound("no account " + accountNo);
        }
        return List.of(CanonicalJson.read(ledger.evaluate(caller.identity(),
                LedgerCall.of("application:forLearner", accountNo)), RecognitionApplication[].class));
    }

    /** Approves by the decision, first checked against the application (so a bad decision never reaches the ledger). */
    public Receipt<RecognitionApplication> approve(Principal registrar, String id, ApplicationDecision decision) {
        ApiException.throwIfAny(decision.validate(application(registrar, id).request()));
        LedgerResult r = ledger.submit(registrar.identity(),
                LedgerCall.of("application:approve", id, CanonicalJson.toJson(decision)));
        return Receipt.of(r, RecognitionApplication.class);
    }

    public Receipt<RecognitionApplication> reject(Principal registrar, String id, String reason) {
        requireApplicationId(id);
        ApiException.throwIfAny(StatusReason.validate(reason));
        return Receipt.of(ledger.submit(registrar.identity(), LedgerCall.of("application:reject", id, reason)),
                RecognitionApplication.class);
    }

    /** The learner withdraws their own application before it is decided. */
    public Receipt<RecognitionApplication> withdraw(Principal learner, String id, String reason) {
        application(learner, id);
        ApiException.throwIfAny(StatusReason.validate(reason));
        return Receipt.of(ledger.submit(learner.identity(), LedgerCall.of("application:withdraw", id, reason)),
                RecognitionApplication.class);
    }

    /** The application as it stands (no assessment of its rule), if the caller may see it. */
    private RecognitionApplication application(Principal caller, String id) {
        requireApplicationId(id);
        RecognitionApplication application = CanonicalJson.read(ledger.evaluate(caller.identity(),
                LedgerCall.of("application:get", id)), RecognitionApplication.class);
        visibleTo(caller, application);
        return application;
    }

    private static void requireApplicationId(String id) {
        if (!RecordId.isKind(id, RecordId.Kind.APPLICATION)) {
            throw ApiException.notFound("no recognition application " + id);
        }
    }

    private static void visibleTo(Principal caller, RecognitionApplication application) {
        if (!caller.mayReadRecordsOf(application.request().learner())) {
            throw ApiException.notFound("no recognition application " + application.id());
        }
    }
}
