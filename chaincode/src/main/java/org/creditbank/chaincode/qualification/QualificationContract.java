package org.creditbank.chaincode.qualification;

import java.util.List;
import java.util.Optional;
import org.creditbank.chaincode.Contracts;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.institution.AwardingInstitution;
import org.creditbank.chaincode.recognition.RecognitionViews;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.chaincode.state.LedgerContract;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.qualification.Qualification;
import org.creditbank.model.qualification.QualificationTerms;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Qualifications and credit accumulation (学分积累): an awarding institution publishes what a
 * qualification requires; anyone with a role can ask how far a learner is towards it.
 */
@Contract(name = "qualification", info = @Info(title = "CreditBank qualifications", version = "1"))
public final class QualificationContract implements LedgerContract {

    /** Publishes or updates a qualification's requirements; the history keeps every version. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String publish(LedgerContext ctx, String termsJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        AwardingInstitution.require(ctx.institutions().require(caller.mspId()));
        QualificationTerms terms = Contracts.parse(termsJson, QualificationTerms.class);
        Refusal.throwIfAny(terms.validate());
        Optional<Qualification> existing = ctx.qualifications().find(caller.mspId(), terms.code());
        if (existing.isPresent() && existing.get().terms().equals(terms)) {
            return Contracts.json(existing.get());
        }
        Qualification qualification = new Qualification(caller.mspId(), terms, ctx.ledger().now().toString(),
                caller.id());
        ctx.qualifications().put(qualification);
        return Contracts.json(qualification);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(LedgerContext ctx, String owner, String code) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.qualifications().require(owner, code));
    }

    /** Which of the learner's records count towards the qualification and what is still missing. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String progress(LedgerContext ctx, String owner, String code, String accountNo) {
        Caller.of(ctx).mustRead();
        Qualification qualification = ctx.qualifications().require(owner, code);
        ctx.accounts().require(accountNo);
        List<Outcome> outcomes = ctx.outcomes().forLearner(accountNo);
        return Contracts.json(ProgressCalculation.progress(qualification, accountNo, outcomes,
                RecognitionViews.forLearner(ctx.recognitions(), ctx.outcomes(), accountNo, outcomes)));
    }
}
