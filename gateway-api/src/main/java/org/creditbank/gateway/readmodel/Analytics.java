package org.creditbank.gateway.readmodel;

import java.util.List;
import org.creditbank.gateway.ApiException;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.demand.PublishedThresholds;
import org.creditbank.model.demand.SchoolMajor;
import org.creditbank.model.demand.SupplyCount;
import org.creditbank.model.demand.TalentDemand;
import org.creditbank.model.teacher.GradeDistribution;
import org.creditbank.model.teacher.PublishedGradingRule;

/**
 * What the gateway's analytics routes read: the institution's off-chain read model. Until a gateway
 * runs one, {@link #NOT_CONFIGURED} answers those routes with a 501 that says so, rather than
 * computing analytics from chaincode range queries.
 */
public record Analytics(IndicatorInputs indicators, TeacherRoster teachers) {

    public static final Analytics NOT_CONFIGURED = new Analytics(new IndicatorInputs() {
        @Override
        public List<TalentDemand> demand() {
            throw notConfigured();
        }

        @Override
        public List<SchoolMajor> majors(String school) {
            throw notConfigured();
        }

        @Override
        public List<SupplyCount> supply(String school) {
            throw notConfigured();
        }

        @Override
        public List<PublishedThresholds> thresholds() {
            throw notConfigured();
        }
    }, new TeacherRoster() {
        @Override
        public List<GradeDistribution.Teacher> appointed(String school) {
            throw notConfigured();
        }

        @Override
        public List<PublishedGradingRule> rules(String school) {
            throw notConfigured();
        }
    });

    private static ApiException notConfigured() {
        return new ApiException(ErrorCode.READ_MODEL_NOT_CONFIGURED,
                "this gateway runs no read model yet, so it cannot compute indicators or grade distributions");
    }
}
