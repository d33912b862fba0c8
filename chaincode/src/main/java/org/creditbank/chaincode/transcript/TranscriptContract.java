package org.creditbank.chaincode.transcript;

import java.util.List;
import org.creditbank.chaincode.Contracts;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.recognition.RecognitionViews;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.chaincode.state.LedgerContract;
import org.creditbank.model.outcome.Outcome;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The learner's credit account across every institution in one query (学分银行账户). It reads only
 * the learner's own index entries, so its cost grows with the learner's records, not the ledger.
 */
@Contract(name = "transcript", info = @Info(title = "CreditBank transcripts", version = "1"))
public final class TranscriptContract implements LedgerContract {

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String transcript(LedgerContext ctx, String accountNo) {
        Caller.of(ctx).mustRead();
        ctx.accounts().require(accountNo);
        List<Outcome> outcomes = ctx.outcomes().forLearner(accountNo);
        return Contracts.json(TranscriptAssembly.transcript(accountNo, outcomes,
                RecognitionViews.forLearner(ctx.recognitions(), ctx.outcomes(), accountNo, outcomes)));
    }
}
