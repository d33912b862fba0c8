package org.creditbank.model.teacher;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.creditbank.model.TrafficLight;
import org.creditbank.model.outcome.Outcome;

/**
 * How a school's teachers stand under its grading rule in force: how many are red, yellow and green,
 * and who needs support (every red and yellow teacher, red first, each with the reason and what
 * would raise the grade). What a school leader plans training from; computed by the read model over
 * the school's appointed teachers with {@link TeacherGrading}, the same computation as
 * {@code teacher:grade} for one teacher.
 */
public record GradeDistribution(String school, int ruleVersion, String asOf, int teachers, int red, int yellow, int green,
                                List<TeacherGrade> needSupport) {

    public GradeDistribution {
        needSupport = List.copyOf(needSupport);
    }

    /** One appointed teacher's account and the outcomes issued to it. */
    public record Teacher(String accountNo, Collection<Outcome> outcomes) {
    }

    /** The distribution of {@code teachers} under {@code rule} as of {@code asOf}. */
    public static GradeDistribution of(PublishedGradingRule rule, Collection<Teacher> teachers, LocalDate asOf) {
        int[] count = new int[TrafficLight.values().length];
        List<TeacherGrade> needSupport = new ArrayList<>();
        for (Teacher t : teachers) {
            TeacherGrade grade = TeacherGrading.grade(t.accountNo(), rule, t.outcomes(), asOf);
            count[grade.grade().ordinal()]++;
            if (grade.grade() != TrafficLight.GREEN) {
                needSupport.add(grade);
            }
        }
        needSupport.sort(Comparator.comparing((TeacherGrade g) -> g.grade().ordinal()).reversed()
                .thenComparing(TeacherGrade::accountNo));
        return new GradeDistribution(rule.school(), rule.rule().version(), asOf.toString(), teachers.size(),
                count[TrafficLight.RED.ordinal()], count[TrafficLight.YELLOW.ordinal()], count[TrafficLight.GREEN.ordinal()],
                needSupport);
    }
}
