package org.creditbank.chaincode.state;

import java.util.List;
import java.util.Optional;
import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.recognition.RecognitionRule;

/**
 * Transfer rules (转换规则) in world state, one entry per version under (owner, code, version):
 * the only place that key is built. The version is zero-padded ({@link Keys#version}) so that a
 * range scan lists versions in numeric order. A rule can be endorsed only by its owner's peers.
 */
public final class RuleStore {

    private final Ledger ledger;

    RuleStore(Ledger ledger) {
        this.ledger = ledger;
    }

    public Optional<RecognitionRule> find(String owner, String code, int version) {
        return ledger.get(key(owner, code, version), RecognitionRule.class);
    }

    /** The rule version, or a NOT_FOUND refusal. */
    public RecognitionRule require(String owner, String code, int version) {
        return find(owner, code, version).orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND,
                "no rule " + code + " version " + version + " of " + owner));
    }

    /** Every published version of one rule, oldest first. */
    public List<RecognitionRule> versions(String owner, String code) {
        return ledger.scan(RecognitionRule.class, Keys.RULE, owner, code);
    }

    /** Every rule version an institution has published, by code and version. */
    public List<RecognitionRule> all(String owner) {
        return ledger.scan(RecognitionRule.class, Keys.RULE, owner);
    }

    /** Writes a rule version, endorsable only by its owner's peers. */
    public void put(RecognitionRule rule) {
        String key = key(rule.owner(), rule.terms().code(), rule.terms().version());
        ledger.put(key, rule);
        ledger.restrictEndorsementTo(key, rule.owner());
    }

    private String key(String owner, String code, int version) {
        return ledger.key(Keys.RULE, owner, code, Keys.version(version));
    }
}
