package org.creditbank.gateway.readmodel;

import java.util.List;
import org.creditbank.model.teacher.GradeDistribution;
import org.creditbank.model.teacher.PublishedGradingRule;

/**
 * A school's teachers as this institution's read model holds them (fed by block events): the
 * accounts it has appointed (ACTIVE appointments) with the outcomes issued to each, and its grading
 * rule versions. Grading all of a school's teachers is analytics over many accounts, which must not
 * be a chaincode range query; one teacher's grade is {@code teacher:grade} on the ledger.
 */
public interface TeacherRoster {

    /** The teachers {@code school} appoints now, each with every outcome issued to the account. */
    List<GradeDistribution.Teacher> appointed(String school);

    /** Every version of {@code school}'s grading rule, oldest first; the last is in force. */
    List<PublishedGradingRule> rules(String school);
}
