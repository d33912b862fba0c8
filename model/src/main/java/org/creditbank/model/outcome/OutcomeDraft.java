package org.creditbank.model.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.creditbank.model.Credits;
import org.creditbank.model.Iris;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;
import org.creditbank.model.learner.AccountNumber;

/**
 * A learning outcome as a registrar submits it (学习成果), shaped after an Open Badges 3.0
 * AchievementCredential so that export is a mapping. The issuer is not part of it: the chaincode
 * takes it from the caller's identity. {@code localId} is the issuer's own record number (a row
 * in its student system); together with the issuer it makes the record id, so a retried issuance
 * finds the record it already created instead of making a second one.
 *
 * <pre>{@code
 * {"localId":"2026-CNC-0001","learner":"CB7K2M9QH4TZ1XW8R0","kind":"COURSE",
 *  "achievementCode":"CNC101","achievementTitle":"数控车床编程","category":"专业核心",
 *  "credits":3,"hours":48,"level":4,"result":{"scale":"PERCENTAGE","value":"86"},
 *  "activityStart":"2026-03-01","activityEnd":"2026-07-01","evidenceHash":"<sha-256 hex>"}
 * }</pre>
 */
public record OutcomeDraft(
        String localId,
        String learner,
        OutcomeKind kind,
        String achievementCode,
        String achievementTitle,
        String category,
        BigDecimal credits,
        Integer hours,
        Integer level,
        Result result,
        String activityStart,
        String activityEnd,
        String validUntil,
        String evidenceHash,
        String evidenceUri) {

    public static final BigDecimal MAX_CREDITS = new BigDecimal(60);

    /** Normalises credits so that {@code 3}, {@code 3.0} and {@code 3.00} hash identically. */
    public OutcomeDraft {
        credits = Credits.normal(credits);
    }

    /** Every rule a draft must satisfy on its own (no ledger needed). */
    public List<Violation> validate() {
        Violations v = new Violations();
        v.code(localId, "localId");
        if (v.required(learner, "learner")) {
            v.check(AccountNumber.isValid(learner), "learner", "learner is not a valid credit-bank account number");
        }
        v.required(kind, "kind");
        v.code(achievementCode, "achievementCode");
        v.text(achievementTitle, "achievementTitle", 200, true);
        v.text(category, "category", 64, false);
        v.decimal(credits, "credits", BigDecimal.ZERO, true, MAX_CREDITS, 2);
        if (hours != null) {
            v.check(hours >= 0 && hours <= 10_000, "hours", "hours must be from 0 to 10000");
        }
        if (level != null) {
            v.check(level >= 1 && level <= 8, "level", "level must be a qualification-framework level from 1 to 8");
        }
        if (v.required(result, "result")) {
            result.validate(v, "result");
        }
        LocalDate start = v.date(activityStart, "activityStart", true);
        LocalDate end = v.date(activityEnd, "activityEnd", true);
        LocalDate until = v.date(validUntil, "validUntil", false);
        if (start != null && end != null) {
            v.check(!end.isBefore(start), "activityEnd", "activityEnd must not be before activityStart");
        }
        if (end != null && until != null) {
            v.check(until.isAfter(end), "validUntil", "validUntil must be after activityEnd");
        }
        v.sha256(evidenceHash, "evidenceHash", true);
        if (evidenceUri != null) {
            v.text(evidenceUri, "evidenceUri", 500, true);
            v.check((evidenceUri.startsWith("https://") || evidenceUri.startsWith("ipfs://"))
                            && Iris.isWellFormedAbsolute(evidenceUri), "evidenceUri",
                    "evidenceUri must be a well-formed https:// or ipfs:// address (no spaces; percent-encode"
                            + " other reserved characters)");
        }
        return v.list();
    }
}
