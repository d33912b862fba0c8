package org.creditbank.chaincode.state;

import java.util.List;
import org.creditbank.model.ObjectTypes;
import org.creditbank.model.teacher.PublishedGradingRule;

/**
 * Schools' teacher-grading rules in world state, one entry per version under (school, version), so
 * a school's versions are one range in order (the last is in force): the only place this key is
 * built. A version can be endorsed only by its school's peers.
 */
public final class GradingRuleStore {

    private final Ledger ledger;

    GradingRuleStore(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Every version the school has published, oldest first. */
    public List<PublishedGradingRule> versions(String school) {
        return ledger.scan(PublishedGradingRule.class, ObjectTypes.GRADING_RULE, school);
    }

    public void put(PublishedGradingRule rule) {
        String key = ledger.key(ObjectTypes.GRADING_RULE, rule.school(), Keys.version(rule.rule().version()));
        ledger.put(key, rule);
        ledger.restrictEndorsementTo(key, rule.school());
    }
}
