package org.creditbank.model.teacher;

import java.util.HashSet;
import java.util.List;
import org.creditbank.model.Violations;
import org.creditbank.model.outcome.OutcomeKind;

/**
 * One criterion of a grading rule: the outcomes it counts (of one of {@code kinds}, and of
 * {@code category} when one is given), what it adds up ({@link Measure}) and the totals for green
 * and for yellow. Existing outcome kinds cover a teacher's digital competence, told apart by
 * category: training is a COURSE, MICRO_CREDENTIAL or ENTERPRISE_TRAINING, enterprise practice a
 * WORK_EXPERIENCE, a certificate a SKILL_CERTIFICATE; co-teaching with an enterprise engineer a
 * WORK_EXPERIENCE of its own category.
 *
 * <pre>{@code {"name":"企业实践","kinds":["WORK_EXPERIENCE"],"category":"企业实践","measure":"HOURS","green":60,"yellow":30}}</pre>
 */
public record Criterion(String name, List<OutcomeKind> kinds, String category, Measure measure, Integer green,
                        Integer yellow) {

    public static final int MAX_TOTAL = 100_000;

    public Criterion {
        kinds = kinds == null ? null : List.copyOf(kinds);
    }

    void validate(Violations v, String field) {
        v.text(name, field + ".name", 64, true);
        if (v.required(kinds, field + ".kinds")) {
            v.check(!kinds.isEmpty() && new HashSet<>(kinds).size() == kinds.size(),
                    field + ".kinds", field + ".kinds must list one or more outcome kinds, each once");
        }
        v.text(category, field + ".category", 64, false);
        v.required(measure, field + ".measure");
        v.check(green != null && green >= 1 && green <= MAX_TOTAL, field + ".green",
                field + ".green must be from 1 to " + MAX_TOTAL);
        v.check(yellow != null && yellow >= 0 && green != null && yellow <= green, field + ".yellow",
                field + ".yellow must be from 0 to green");
    }
}
