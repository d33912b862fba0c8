package org.creditbank.model.teacher;

import java.util.List;
import org.creditbank.model.TrafficLight;

/**
 * A teacher's digital-competence grade as of a day, under version {@code ruleVersion} of the
 * school's rule: the grade, each criterion's standing, and the reason in one sentence
 * ("企业实践: needs 12 more hours for green").
 */
public record TeacherGrade(String accountNo, String school, int ruleVersion, String asOf, TrafficLight grade,
                           List<CriterionResult> criteria, String reason) {

    public TeacherGrade {
        criteria = List.copyOf(criteria);
    }
}
