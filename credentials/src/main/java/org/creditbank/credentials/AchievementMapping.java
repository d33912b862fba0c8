package org.creditbank.credentials;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.Result;

/**
 * How a ledger outcome maps onto Open Badges 3.0 terms. The draft was shaped after OB3, so this
 * is a renaming; the ledger references (record id, content hash, transaction) go into an
 * {@code Evidence} entry typed {@code LedgerRecord}, terms from CreditBank's own context.
 */
final class AchievementMapping {

    private AchievementMapping() {
    }

    static ObjectNode subject(Outcome outcome, IssuerIdentity issuer, String subjectId, String learnerName) {
        OutcomeDraft draft = outcome.draft();
        ObjectNode subject = CredentialJson.object();
        subject.put("id", subjectId);
        subject.putArray("type").add("AchievementSubject");
        if (learnerName != null) {
            subject.put("name", learnerName);
        }
        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", "urn:creditbank:achievement:" + outcome.issuer() + ":" + draft.achievementCode());
        achievement.putArray("type").add("Achievement");
        achievement.put("achievementType", achievementType(draft));
        achievement.put("name", draft.achievementTitle());
        achievement.put("description", draft.achievementTitle() + " (" + draft.achievementCode() + "), awarded by "
                + issuer.name());
        achievement.putObject("criteria").put("narrative", "Completed and assessed at " + issuer.name()
                + "; recorded on the CreditBank ledger as " + outcome.id() + ".");
        achievement.put("humanCode", draft.achievementCode());
        if (draft.category() != null) {
            achievement.put("fieldOfStudy", draft.category());
        }
        achievement.put("creditsAvailable", draft.credits());
        String resultDescriptionId = "urn:creditbank:result-scale:" + draft.result().scale().name();
        achievement.putArray("resultDescription").addObject()
                .put("id", resultDescriptionId)
                .<ObjectNode>set("type", CredentialJson.types("ResultDescription"))
                .put("name", draft.result().scale().name())
                .put("resultType", resultType(draft.result().scale()));
        subject.put("creditsEarned", draft.credits());
        subject.putArray("result").addObject()
                .<ObjectNode>set("type", CredentialJson.types("Result"))
                .put("resultDescription", resultDescriptionId)
                .put("value", draft.result().value());
        subject.put("activityStartDate", draft.activityStart() + "T00:00:00Z");
        subject.put("activityEndDate", draft.activityEnd() + "T00:00:00Z");
        return subject;
    }

    /**
     * Names the credit-bank account of a subject whose {@code id} is a holder's DID: an OB 3.0
     * {@code IdentityObject} of type {@code accountId}, in the clear (it is already pseudonymous),
     * so the registrar and the ledger can still tell whose record it is.
     */
    static void identifyAccount(ObjectNode subject, String accountNo) {
        subject.putArray("identifier").addObject()
                .put("type", "IdentityObject")
                .put("hashed", false)
                .put("identityHash", accountNo)
                .put("identityType", "accountId");
    }

    static ArrayNode evidence(Outcome outcome) {
        ArrayNode evidence = CredentialJson.object().arrayNode();
        evidence.addObject()
                .put("id", CredentialIssuer.RECORD_URN + outcome.id())
                .<ObjectNode>set("type", CredentialJson.types("Evidence", "LedgerRecord"))
                .put("name", "CreditBank ledger record")
                .put("ledgerRecordId", outcome.id())
                .put("contentHash", outcome.contentHash())
                .put("awardTxId", outcome.awardTxId());
        ObjectNode learning = evidence.addObject();
        if (outcome.draft().evidenceUri() != null) {
            learning.put("id", outcome.draft().evidenceUri());
        }
        learning.set("type", CredentialJson.types("Evidence"));
        learning.put("name", "Learning evidence");
        learning.put("evidenceHash", outcome.draft().evidenceHash());
        return evidence;
    }

    private static String achievementType(OutcomeDraft draft) {
        return switch (draft.kind()) {
            case COURSE -> "Course";
            case MICRO_CREDENTIAL -> "MicroCredential";
            case SKILL_CERTIFICATE -> "Certification";
            case ENTERPRISE_TRAINING -> "LearningProgram";
            case COMPETITION_AWARD -> "Award";
            case WORK_EXPERIENCE -> "Fieldwork";
        };
    }

    private static String resultType(Result.Scale scale) {
        return switch (scale) {
            case PERCENTAGE -> "Percent";
            case GRADE_POINT -> "GradePointAverage";
            case LETTER -> "LetterGrade";
            case PASS_FAIL -> "Result";
        };
    }
}
