package org.creditbank.chaincode.transcript;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creditbank.model.Credits;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.recognition.RecognitionView;
import org.creditbank.model.transcript.Transcript;

/**
 * Assembles a learner's {@link Transcript} from their records: every outcome and recognition,
 * and totals that count only what stands now, i.e. ACTIVE outcomes and recognitions whose sources
 * are all ACTIVE. Pure. (It was called {@code CreditAccount}, which is the learner's account of
 * the model, {@code LearnerAccount}, not what this class makes.)
 */
public final class TranscriptAssembly {

    private TranscriptAssembly() {
    }

    public static Transcript transcript(String learner, List<Outcome> outcomes, List<RecognitionView> recognitions) {
        List<BigDecimal> earned = new ArrayList<>();
        List<BigDecimal> recognised = new ArrayList<>();
        Map<String, List<BigDecimal>> earnedBy = new TreeMap<>();
        Map<String, List<BigDecimal>> recognisedBy = new TreeMap<>();
        Map<OutcomeKind, List<BigDecimal>> byKind = new TreeMap<>();
        for (Outcome o : outcomes) {
            if (o.status() == OutcomeStatus.ACTIVE) {
                earned.add(o.draft().credits());
                earnedBy.computeIfAbsent(o.issuer(), k -> new ArrayList<>()).add(o.draft().credits());
                byKind.computeIfAbsent(o.draft().kind(), k -> new ArrayList<>()).add(o.draft().credits());
            }
        }
        for (RecognitionView r : recognitions) {
            if (r.effectiveStatus() == OutcomeStatus.ACTIVE) {
                recognised.add(r.recognition().credits());
                recognisedBy.computeIfAbsent(r.recognition().recogniser(), k -> new ArrayList<>())
                        .add(r.recognition().credits());
            }
        }
        Map<String, Transcript.InstitutionTotals> byInstitution = new TreeMap<>();
        for (String msp : union(earnedBy, recognisedBy)) {
            byInstitution.put(msp, new Transcript.InstitutionTotals(
                    Credits.sum(earnedBy.getOrDefault(msp, List.of())),
                    Credits.sum(recognisedBy.getOrDefault(msp, List.of()))));
        }
        Map<OutcomeKind, BigDecimal> kindTotals = new TreeMap<>();
        byKind.forEach((kind, amounts) -> kindTotals.put(kind, Credits.sum(amounts)));
        return new Transcript(learner, outcomes, recognitions, new Transcript.Totals(
                Credits.sum(earned), Credits.sum(recognised), byInstitution, kindTotals));
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        TreeMap<String, Object> all = new TreeMap<>(a);
        all.putAll(b);
        return new ArrayList<>(all.keySet());
    }
}
