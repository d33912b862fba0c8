package org.creditbank.gateway.qualification;

import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.ledger.LedgerResult;
import org.creditbank.gateway.ledger.Receipt;
import org.creditbank.model.RecordId;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.qualification.Qualification;
import org.creditbank.model.qualification.QualificationProgress;
import org.creditbank.model.qualification.QualificationTerms;

/**
 * Qualifications of the consortium's awarding institutions. The gateway's own institution
 * publishes its own; anyone with a token reads any, and asks how far a learner is towards one (a
 * learner only about their own account). Who may publish is the chaincode's rule.
 */
public final class QualificationService {

    private final LedgerClient ledger;

    public QualificationService(LedgerClient ledger) {
        this.ledger = ledger;
    }

    /** Publishes a new version of the terms; publishing the same terms again writes nothing (200). */
    public Receipt<Qualification> publish(Principal registrar, QualificationTerms terms) {
        ApiException.throwIfAny(terms.validate());
        LedgerResult r = ledger.submit(registrar.identity(),
                LedgerCall.of("qualification:publish", CanonicalJson.toJson(terms)));
        return Receipt.of(r, Qualification.class);
    }

    public Qualification get(Principal caller, String owner, String code) {
        requireInstitution(owner);
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("qualification:get", owner, code)),
                Qualification.class);
    }

    /** Which of the learner's records count and what is missing; to a learner, other accounts do not exist. */
    public QualificationProgress progress(Principal caller, String owner, String code, String accountNo) {
        requireInstitution(owner);
        if (!caller.mayReadRecordsOf(accountNo)) {
            throw ApiException.notFound("no learner account " + accountNo);
        }
        return CanonicalJson.read(ledger.evaluate(caller.identity(),
                LedgerCall.of("qualification:progress", owner, code, accountNo)), QualificationProgress.class);
    }

    private static void requireInstitution(String owner) {
        RecordId.institutionViolation("owner", owner).ifPresent(v -> {
            throw ApiException.of(v);
        });
    }
}
