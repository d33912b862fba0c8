package org.creditbank.chaincode.qualification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.creditbank.model.Credits;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.qualification.Qualification;
import org.creditbank.model.qualification.QualificationProgress.CountedItem;
import org.creditbank.model.qualification.QualificationProgress.ItemType;
import org.creditbank.model.qualification.QualificationProgress.Shortfall;
import org.creditbank.model.qualification.QualificationProgress;
import org.creditbank.model.qualification.QualificationTerms;
import org.creditbank.model.recognition.RecognitionView;

/**
 * Counts a learner's standing records against a qualification, each credit once:
 * <ul>
 *   <li>standing recognitions by the awarding institution count with their recognised credits,
 *       under their target category, as the institution's own;</li>
 *   <li>ACTIVE outcomes count with their credits, kind and category, unless a counted recognition
 *       already stands on them;</li>
 *   <li>recognitions by other institutions do not count: their sources count directly instead.</li>
 * </ul>
 */
public final class ProgressCalculation {

    private ProgressCalculation() {
    }

    public static QualificationProgress progress(Qualification qualification, String learner,
                                                 List<Outcome> outcomes, List<RecognitionView> recognitions) {
        String owner = qualification.owner();
        List<CountedItem> counted = new ArrayList<>();
        Set<String> consumed = new HashSet<>();
        for (RecognitionView view : recognitions) {
            var r = view.recognition();
            if (owner.equals(r.recogniser()) && view.effectiveStatus() == OutcomeStatus.ACTIVE) {
                consumed.addAll(r.request().sourceOutcomeIds());
                counted.add(new CountedItem(r.id(), ItemType.RECOGNITION, r.credits(), null, r.target().category(), true));
            }
        }
        for (Outcome o : outcomes) {
            if (o.status() == OutcomeStatus.ACTIVE && !consumed.contains(o.id()) && o.draft().credits().signum() > 0) {
                counted.add(new CountedItem(o.id(), ItemType.OUTCOME, o.draft().credits(), o.draft().kind(),
                        o.draft().category(), owner.equals(o.issuer())));
            }
        }
        counted.sort((a, b) -> a.recordId().compareTo(b.recordId()));

        Map<OutcomeKind, List<BigDecimal>> kindParts = new TreeMap<>();
        Map<String, List<BigDecimal>> categoryParts = new TreeMap<>();
        List<BigDecimal> all = new ArrayList<>();
        List<BigDecimal> own = new ArrayList<>();
        for (CountedItem item : counted) {
            all.add(item.credits());
            if (item.own()) {
                own.add(item.credits());
            }
            if (item.kind() != null) {
                kindParts.computeIfAbsent(item.kind(), k -> new ArrayList<>()).add(item.credits());
            }
            if (item.category() != null) {
                categoryParts.computeIfAbsent(item.category(), k -> new ArrayList<>()).add(item.credits());
            }
        }
        Map<OutcomeKind, BigDecimal> byKind = new TreeMap<>();
        kindParts.forEach((k, v) -> byKind.put(k, Credits.sum(v)));
        Map<String, BigDecimal> byCategory = new TreeMap<>();
        categoryParts.forEach((k, v) -> byCategory.put(k, Credits.sum(v)));
        BigDecimal total = Credits.sum(all);
        BigDecimal ownTotal = Credits.sum(own);

        QualificationTerms terms = qualification.terms();
        List<Shortfall> missing = new ArrayList<>();
        shortfall(missing, "total credits", terms.totalCredits(), total);
        shortfall(missing, "credits earned at or recognised by " + owner, terms.minimumOwnCredits(), ownTotal);
        terms.minimumsByKind().forEach((kind, min) ->
                shortfall(missing, "kind " + kind, min, byKind.getOrDefault(kind, BigDecimal.ZERO)));
        terms.minimumsByCategory().forEach((category, min) ->
                shortfall(missing, "category " + category, min, byCategory.getOrDefault(category, BigDecimal.ZERO)));

        return new QualificationProgress(owner, terms.code(), learner, counted, total, ownTotal, byKind, byCategory,
                missing, missing.isEmpty());
    }

    private static void shortfall(List<Shortfall> missing, String requirement, BigDecimal required, BigDecimal have) {
        if (required != null && have.compareTo(required) < 0) {
            missing.add(new Shortfall(requirement, Credits.normal(required), have));
        }
    }
}
