package org.creditbank.chaincode.verification;

import org.creditbank.chaincode.Contracts;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.recognition.RecognitionViews;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.chaincode.state.LedgerContract;
import org.creditbank.model.RecordId;
import org.creditbank.model.verification.Verification;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Answers a verifier's question "is record X with content hash H genuine and in force?" with a
 * verdict (VALID, SUSPENDED, REVOKED, EXPIRED, NO_MATCH) and a reason. The question is public (the
 * gateway asks it for anyone), so the content hash is the proof of holding the record: with a
 * wrong one the answer is NO_MATCH, the same as for an id that does not exist, without status or
 * reason. This is where that is enforced, whichever client asks.
 */
@Contract(name = "verification", info = @Info(title = "CreditBank verification", version = "1"))
public final class VerificationContract implements LedgerContract {

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String verify(LedgerContext ctx, String recordId, String contentHash) {
        Caller.of(ctx).mustRead();
        Refusal.throwIfAny(Verification.questionViolations(recordId, contentHash));
        String at = ctx.ledger().now().toString();
        if (RecordId.parse(recordId).orElseThrow().kind() == RecordId.Kind.RECOGNITION) {
            return Contracts.json(ctx.recognitions().find(recordId)
                    .map(r -> VerdictRules.recognition(RecognitionViews.of(r, ctx.outcomes()), contentHash, at))
                    .orElseGet(() -> VerdictRules.noMatch(recordId, at)));
        }
        return Contracts.json(ctx.outcomes().find(recordId)
                .map(o -> VerdictRules.outcome(o, contentHash, at))
                .orElseGet(() -> VerdictRules.noMatch(recordId, at)));
    }
}
