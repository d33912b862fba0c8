package org.creditbank.credentials;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.recognition.CreditTarget;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionRequest;

/**
 * How a recognition decision maps onto Open Badges 3.0 terms. The achievement is the credit at the
 * recognising institution (its course or credit category, the credits granted); how it was decided
 * (rule code and version, or a manual decision and its justification) and the record on the ledger
 * go into the first {@code Evidence} entry, typed {@code LedgerRecord} as an outcome's is, so online
 * verification finds the record the same way. Every source outcome is a further {@code Evidence}
 * entry, typed {@code RecognisedOutcome}, with its record id, issuer and content hash under
 * CreditBank's own terms ({@code sourceRecordId}, not {@code ledgerRecordId}: the credential's own
 * record is the recognition, never one of its sources).
 */
final class RecognitionMapping {

    private RecognitionMapping() {
    }

    static ObjectNode subject(Recognition recognition, IssuerIdentity issuer, String subjectId) {
        CreditTarget target = recognition.target();
        ObjectNode subject = CredentialJson.object();
        subject.put("id", subjectId);
        subject.putArray("type").add("AchievementSubject");
        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", achievementId(recognition));
        achievement.putArray("type").add("Achievement");
        achievement.put("achievementType", target.courseCode() != null ? "Course" : "Achievement");
        achievement.put("name", target.title());
        achievement.put("description", target.title() + (target.courseCode() == null ? "" : " (" + target.courseCode() + ")")
                + ": " + recognition.credits().toPlainString() + " credits recognised by " + issuer.name()
                + " for learning recognised from elsewhere");
        achievement.putObject("criteria").put("narrative", how(recognition.request()) + " by " + issuer.name()
                + "; recorded on the CreditBank ledger as " + recognition.id() + ".");
        if (target.courseCode() != null) {
            achievement.put("humanCode", target.courseCode());
        }
        if (target.category() != null) {
            achievement.put("fieldOfStudy", target.category());
        }
        achievement.put("creditsAvailable", recognition.credits());
        subject.put("creditsEarned", recognition.credits());
        return subject;
    }

    /**
     * A course of the recogniser is the achievement its own outcomes of that course name (the learner
     * is credited with that course); credit towards a category only is this decision's own.
     */
    private static String achievementId(Recognition recognition) {
        return recognition.target().courseCode() != null
                ? "urn:creditbank:achievement:" + recognition.recogniser() + ":" + recognition.target().courseCode()
                : "urn:creditbank:recognition:" + recognition.id();
    }

    private static String how(RecognitionRequest request) {
        return request.method() == RecognitionRequest.Method.RULE
                ? "Recognised under transfer rule " + request.ruleCode() + " version " + request.ruleVersion()
                : "Recognised by a manual decision";
    }

    static ArrayNode evidence(Recognition recognition, List<RecognisedSource> sources) {
        RecognitionRequest request = recognition.request();
        ArrayNode evidence = CredentialJson.object().arrayNode();
        ObjectNode decision = evidence.addObject()
                .put("id", CredentialIssuer.RECORD_URN + recognition.id())
                .<ObjectNode>set("type", CredentialJson.types("Evidence", "LedgerRecord"))
                .put("name", "CreditBank ledger record")
                .put("ledgerRecordId", recognition.id())
                .put("contentHash", recognition.contentHash())
                .put("recognitionMethod", request.method().name());
        if (request.method() == RecognitionRequest.Method.RULE) {
            decision.put("ruleCode", request.ruleCode()).put("ruleVersion", request.ruleVersion());
        }
        if (request.justification() != null) {
            decision.put("narrative", request.justification());
        }
        for (RecognisedSource source : sources) {
            OutcomeDraft draft = source.outcome().draft();
            evidence.addObject()
                    // The id the source's own credential gives its ledger record: the two link up.
                    .put("id", CredentialIssuer.RECORD_URN + source.outcome().id())
                    .<ObjectNode>set("type", CredentialJson.types("Evidence", "RecognisedOutcome"))
                    .put("name", draft.achievementTitle())
                    .put("description", draft.achievementTitle() + " (" + draft.achievementCode() + "), "
                            + draft.credits().toPlainString() + " credits, awarded by " + source.issuerName())
                    .put("sourceRecordId", source.outcome().id())
                    .put("sourceIssuer", source.outcome().issuer())
                    .put("contentHash", source.outcome().contentHash());
        }
        return evidence;
    }
}
