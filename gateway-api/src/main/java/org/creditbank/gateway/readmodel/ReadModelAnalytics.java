package org.creditbank.gateway.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.model.ObjectTypes;
import org.creditbank.model.demand.PublishedThresholds;
import org.creditbank.model.demand.SchoolMajor;
import org.creditbank.model.demand.SupplyCount;
import org.creditbank.model.demand.TalentDemand;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.teacher.GradeDistribution;
import org.creditbank.model.teacher.PublishedGradingRule;
import org.creditbank.model.teacher.TeacherAppointment;

/**
 * The analytics' inputs read from the read model's tables: what the indicators and a school's
 * grade distribution compute over, without one chaincode range query.
 */
final class ReadModelAnalytics implements IndicatorInputs, TeacherRoster {

    private final ReadModel model;

    ReadModelAnalytics(ReadModel model) {
        this.model = model;
    }

    @Override
    public List<TalentDemand> demand() {
        return model.talentDemand();
    }

    @Override
    public List<SchoolMajor> majors(String school) {
        return model.majorVersions(school);
    }

    @Override
    public List<SupplyCount> supply(String school) {
        return model.supply(school);
    }

    @Override
    public List<PublishedThresholds> thresholds() {
        return model.thresholdVersions();
    }

    /** The school's appointed teachers, each with every outcome issued to the account, in two queries. */
    @Override
    public List<GradeDistribution.Teacher> appointed(String school) {
        Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
        for (TeacherAppointment a : model.appointedTeachers(school)) {
            outcomes.put(a.accountNo(), new ArrayList<>());
        }
        for (Outcome o : model.outcomesOf(outcomes.keySet())) {
            outcomes.get(o.draft().learner()).add(o);
        }
        List<GradeDistribution.Teacher> teachers = new ArrayList<>();
        outcomes.forEach((account, issued) -> teachers.add(new GradeDistribution.Teacher(account, issued)));
        return teachers;
    }

    /** The school's grading rule versions, oldest first (their keys carry the zero-padded version). */
    @Override
    public List<PublishedGradingRule> rules(String school) {
        return model.stateRecords(ObjectTypes.GRADING_RULE, school, PublishedGradingRule.class);
    }
}
