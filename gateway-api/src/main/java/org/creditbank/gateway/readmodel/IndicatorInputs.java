package org.creditbank.gateway.readmodel;

import java.util.List;
import org.creditbank.model.demand.PublishedThresholds;
import org.creditbank.model.demand.SchoolMajor;
import org.creditbank.model.demand.SupplyCount;
import org.creditbank.model.demand.TalentDemand;

/**
 * The records the major-adjustment indicators are computed from, as this institution's read model
 * holds them (fed by block events): analytics over many records, which must not be chaincode range
 * queries. Every answer is of one moment of the read model, so the figures agree with each other.
 */
public interface IndicatorInputs {

    /** Every talent demand as it stands now (withdrawn ones included: the computation skips them). */
    List<TalentDemand> demand();

    /** Every published version of the majors of {@code school}, or of every school when it is null. */
    List<SchoolMajor> majors(String school);

    /**
     * People supplied per occupation and quarter ({@link SupplyCount#tally} of the outcomes
     * {@code school} issued, or of every institution's outcomes when it is null).
     */
    List<SupplyCount> supply(String school);

    /** Every version of the warning thresholds, oldest first; the last is in force. */
    List<PublishedThresholds> thresholds();
}
