package org.creditbank.chaincode.qualification;

import java.util.List;
import java.util.Optional;
import org.creditbank.chaincode.Contracts;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.institution.InstitutionContract;
import org.creditbank.chaincode.learner.LearnerContract;
import org.creditbank.chaincode.outcome.OutcomeContract;
import org.creditbank.chaincode.recognition.RecognitionContract;
import org.creditbank.chaincode.state.Keys;
import org.creditbank.chaincode.state.Ledger;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.chaincode.state.LedgerContract;
import org.creditbank.model.ErrorCode;
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
        Ledger ledger = ctx.ledger();
        InstitutionContract.requireAwarding(ledger, caller.mspId());
        QualificationTerms terms = Contracts.parse(termsJson, QualificationTerms.class);
        Refusal.throwIfAny(terms.validate());
        String key = ledger.key(Keys.QUALIFICATION, caller.mspId(), terms.code());
        Optional<Qualification> existing = ledger.get(key, Qualification.class);
        if (existing.isPresent() && existing.get().terms().equals(terms)) {
            return Contracts.json(existing.get());
        }
        Qualification qualification = new Qualification(caller.mspId(), terms, ledger.now().toString(), caller.id());
        ledger.put(key, qualification);
        ledger.restrictEndorsementTo(key, caller.mspId());
        return Contracts.json(qualification);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(LedgerContext ctx, String owner, String code) {
        Caller.of(ctx).mustRead();
        return Contracts.json(require(ctx.ledger(), owner, code));
    }

    /** Which of the learner's records count towards the qualification and what is still missing. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String progress(LedgerContext ctx, String owner, String code, String accountNo) {
        Caller.of(ctx).mustRead();
        Ledger ledger = ctx.ledger();
        Qualification qualification = require(ledger, owner, code);
        LearnerContract.require(ledger, accountNo);
        List<Outcome> outcomes = OutcomeContract.forLearner(ledger, accountNo);
        return Contracts.json(ProgressCalculation.progress(qualification, accountNo,
                outcomes, RecognitionContract.forLearner(ledger, accountNo, outcomes)));
    }

    private static Qualification require(Ledger ledger, String owner, String code) {
        return ledger.get(ledger.key(Keys.QUALIFICATION, owner, code), Qualification.class)
                .orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "no qualification " + code + " of " + owner));
    }
}
