package org.creditbank.model.teacher;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.creditbank.model.TrafficLight;
import org.creditbank.model.outcome.Outcome;

/**
 * A teacher's digital-competence grade (教师数字能力红黄绿) from their outcomes and the school's
 * rule. Pure: the chaincode's {@code teacher:grade} runs it on the outcomes it reads through the
 * teacher's own index, a read model on as many teachers as it holds. Formulas:
 *
 * <pre>
 * counted(c) = outcomes in force on asOf (ACTIVE, not past validUntil), of a kind of c.kinds,
 *              of c.category if given, with activityEnd ≥ asOf − withinYears years (if given)
 * value(c)   = Σ hours (absent hours count 0) over counted(c)   when c.measure = HOURS
 *            = |counted(c)|                                     when c.measure = COUNT
 * level(c)   = GREEN if value ≥ c.green, YELLOW if value ≥ c.yellow, else RED
 * grade      = the worst level over the criteria
 * </pre>
 * An outcome counts for every criterion it matches.
 */
public final class TeacherGrading {

    private TeacherGrading() {
    }

    public static TeacherGrade grade(String accountNo, PublishedGradingRule published, Collection<Outcome> outcomes,
                                     LocalDate asOf) {
        GradingRule rule = published.rule();
        LocalDate earliest = rule.withinYears() == null ? null : asOf.minusYears(rule.withinYears());
        List<CriterionResult> results = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        TrafficLight grade = TrafficLight.GREEN;
        for (Criterion c : rule.criteria()) {
            long value = 0;
            for (Outcome o : outcomes) {
                if (counts(c, o, asOf, earliest)) {
                    value += c.measure() == Measure.HOURS ? (o.draft().hours() == null ? 0 : o.draft().hours()) : 1;
                }
            }
            TrafficLight level = value >= c.green() ? TrafficLight.GREEN
                    : value >= c.yellow() ? TrafficLight.YELLOW : TrafficLight.RED;
            long forGreen = Math.max(0, c.green() - value);
            long forYellow = Math.max(0, c.yellow() - value);
            results.add(new CriterionResult(c.name(), c.measure(), value, c.green(), c.yellow(), level, forGreen, forYellow));
            grade = grade.worse(level);
            if (level != TrafficLight.GREEN) {
                reasons.add(c.name() + ": needs " + amount(forGreen, c.measure()) + " for green"
                        + (level == TrafficLight.RED ? " (" + amount(forYellow, c.measure()) + " for yellow)" : ""));
            }
        }
        String reason = reasons.isEmpty() ? "every criterion reaches green" : String.join("; ", reasons);
        return new TeacherGrade(accountNo, published.school(), rule.version(), asOf.toString(), grade, results, reason);
    }

    private static boolean counts(Criterion c, Outcome o, LocalDate asOf, LocalDate earliest) {
        return o.inForceOn(asOf) && c.kinds().contains(o.draft().kind())
                && (c.category() == null || c.category().equals(o.draft().category()))
                && (earliest == null || !LocalDate.parse(o.draft().activityEnd()).isBefore(earliest));
    }

    private static String amount(long n, Measure measure) {
        return measure == Measure.HOURS ? n + " more hour" + (n == 1 ? "" : "s") : n + " more outcome" + (n == 1 ? "" : "s");
    }
}
