package org.creditbank.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.gateway.readmodel.IndicatorInputs;
import org.creditbank.gateway.readmodel.Analytics;
import org.creditbank.gateway.readmodel.TeacherRoster;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.demand.PublishedThresholds;
import org.creditbank.model.demand.SchoolMajor;
import org.creditbank.model.demand.SupplyCount;
import org.creditbank.model.demand.TalentDemand;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.teacher.AppointmentStatus;
import org.creditbank.model.teacher.GradeDistribution;
import org.creditbank.model.teacher.PublishedGradingRule;
import org.creditbank.model.teacher.TeacherAppointment;

/**
 * A read model for tests: every answer is read from the in-process ledger's committed world state
 * at the moment it is asked, by the record type of each key, so it always agrees with what the
 * HTTP calls wrote. The real one is fed by block events; this one stands in for it, not for a
 * chaincode range query.
 */
final class StateReadModel implements IndicatorInputs, TeacherRoster {

    private final InMemoryLedger chain;

    StateReadModel(InMemoryLedger chain) {
        this.chain = chain;
    }

    Analytics readModel() {
        return new Analytics(this, this);
    }

    /** The records under composite keys of {@code type} (keys are {@code \0type\0attr…\0}). */
    private <T> List<T> records(String type, Class<T> as) {
        String prefix = "\u0000" + type + "\u0000";
        List<T> found = new ArrayList<>();
        for (Map.Entry<String, String> e : chain.worldState().entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                found.add(CanonicalJson.read(e.getValue(), as));
            }
        }
        return found;
    }

    @Override
    public List<TalentDemand> demand() {
        return records("demand", TalentDemand.class);
    }

    @Override
    public List<SchoolMajor> majors(String school) {
        return records("major", SchoolMajor.class).stream().filter(m -> school == null || m.school().equals(school)).toList();
    }

    @Override
    public List<SupplyCount> supply(String school) {
        return SupplyCount.tally(records("outcome", Outcome.class).stream()
                .filter(o -> school == null || o.issuer().equals(school)).toList());
    }

    @Override
    public List<PublishedThresholds> thresholds() {
        return sorted(records("warningthresholds", PublishedThresholds.class), p -> p.thresholds().version());
    }

    @Override
    public List<GradeDistribution.Teacher> appointed(String school) {
        List<Outcome> outcomes = records("outcome", Outcome.class);
        return records("teacher", TeacherAppointment.class).stream()
                .filter(a -> a.school().equals(school) && a.status() == AppointmentStatus.ACTIVE)
                .map(a -> new GradeDistribution.Teacher(a.accountNo(),
                        outcomes.stream().filter(o -> o.draft().learner().equals(a.accountNo())).toList()))
                .toList();
    }

    @Override
    public List<PublishedGradingRule> rules(String school) {
        return sorted(records("gradingrule", PublishedGradingRule.class).stream().filter(r -> r.school().equals(school))
                .toList(), r -> r.rule().version());
    }

    private static <T> List<T> sorted(List<T> list, Function<T, Integer> version) {
        return list.stream().sorted(Comparator.comparing(version)).toList();
    }
}
