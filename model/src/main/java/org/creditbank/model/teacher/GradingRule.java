package org.creditbank.model.teacher;

import java.util.HashSet;
import java.util.List;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;

/**
 * A school's rule for its teachers' digital-competence grade (教师数字能力分级), versioned 1, 2, 3, …
 * per school (a published version never changes; the latest is in force). A teacher is GREEN when
 * every criterion reaches its green total, RED when any criterion is below its yellow total, YELLOW
 * otherwise ({@link TeacherGrading}). Only outcomes achieved in the last {@code withinYears} years
 * count (all of them when it is absent).
 *
 * <pre>{@code {"version":1,"title":"2027 教师数字能力分级办法","withinYears":5,"criteria":[
 *   {"name":"数字化培训","kinds":["COURSE","MICRO_CREDENTIAL","ENTERPRISE_TRAINING"],"category":"数字素养","measure":"HOURS","green":72,"yellow":36},
 *   {"name":"企业实践","kinds":["WORK_EXPERIENCE"],"category":"企业实践","measure":"HOURS","green":60,"yellow":30}]}}</pre>
 */
public record GradingRule(int version, String title, Integer withinYears, List<Criterion> criteria) {

    public static final int MAX_CRITERIA = 12;

    public GradingRule {
        criteria = criteria == null ? null : List.copyOf(criteria);
    }

    public List<Violation> validate() {
        Violations v = new Violations();
        v.check(version >= 1 && version <= 10_000, "version", "version must be from 1 to 10000");
        v.text(title, "title", 200, true);
        if (withinYears != null) {
            v.check(withinYears >= 1 && withinYears <= 20, "withinYears", "withinYears must be from 1 to 20");
        }
        if (v.required(criteria, "criteria")) {
            // List.copyOf has already refused a null criterion.
            v.check(!criteria.isEmpty() && criteria.size() <= MAX_CRITERIA, "criteria",
                    "a rule has from 1 to " + MAX_CRITERIA + " criteria");
            for (int i = 0; i < criteria.size(); i++) {
                criteria.get(i).validate(v, "criteria[" + i + "]");
            }
            v.check(new HashSet<>(criteria.stream().map(Criterion::name).toList()).size() == criteria.size(),
                    "criteria", "each criterion has its own name");
        }
        return v.list();
    }
}
