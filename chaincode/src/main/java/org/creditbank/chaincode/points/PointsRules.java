package org.creditbank.chaincode.points;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.institution.InstitutionType;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.points.ConfirmationStatus;
import org.creditbank.model.points.PointsFactType;
import org.creditbank.model.points.PointsLine;
import org.creditbank.model.points.PointsPolicy;
import org.creditbank.model.points.PolicyTerms;
import org.creditbank.model.points.SchoolConfirmation;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RuleStatus;

/**
 * What makes a ledger record a fact that earns an enterprise points, which policy version prices
 * it, and what the enterprise's points add up to. Pure: the contract reads the records, these
 * rules decide, so each rule is tested on its own (docs/industry-education.md states them).
 */
public final class PointsRules {

    private PointsRules() {
    }

    /** The UTC date of a ledger timestamp: a fact's date is when it entered the ledger, never a client's date. */
    public static LocalDate dateOf(String ledgerTime) {
        return Instant.parse(ledgerTime).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * TRAINING_RECOGNISED: {@code training} is an ENTERPRISE_TRAINING outcome of {@code enterprise},
     * one of the sources of {@code recognition}, which a school made. Refuses otherwise.
     */
    public static void requireRecognisedTraining(String enterprise, Recognition recognition, InstitutionType recogniser,
                                                 Outcome training) {
        requireIssuedBy(enterprise, training);
        requireKind(training, OutcomeKind.ENTERPRISE_TRAINING, PointsFactType.TRAINING_RECOGNISED);
        if (!recognition.request().sourceOutcomeIds().contains(training.id())) {
            throw notAFact("recognition " + recognition.id() + " does not count outcome " + training.id());
        }
        if (recogniser != InstitutionType.SCHOOL) {
            throw notAFact("recognition " + recognition.id() + " was made by a " + recogniser
                    + "; only a school's recognition earns TRAINING_RECOGNISED points");
        }
    }

    /**
     * INTERNSHIP: {@code internship} is a WORK_EXPERIENCE outcome {@code enterprise} issued to a
     * learner whose account a school opened (a learner of a member school). Refuses otherwise.
     */
    public static void requireInternship(String enterprise, Outcome internship, InstitutionType accountOpener) {
        requireIssuedBy(enterprise, internship);
        requireKind(internship, OutcomeKind.WORK_EXPERIENCE, PointsFactType.INTERNSHIP);
        if (accountOpener != InstitutionType.SCHOOL) {
            throw notAFact("the learner of outcome " + internship.id() + " was enrolled by a " + accountOpener
                    + ", not a school: an internship earns points only for a learner of a member school");
        }
    }

    /** CO_TEACHING, GRADUATE_HIRED: a confirmation of that type naming {@code enterprise}. Refuses otherwise. */
    public static void requireConfirmation(String enterprise, PointsFactType type, SchoolConfirmation confirmation) {
        if (confirmation.request().type() != type) {
            throw notAFact("confirmation " + confirmation.id() + " confirms " + confirmation.request().type() + ", not " + type);
        }
        if (!confirmation.request().enterprise().equals(enterprise)) {
            throw Refusal.of(ErrorCode.ORG_NOT_ALLOWED, "confirmation " + confirmation.id() + " names "
                    + confirmation.request().enterprise() + "; " + enterprise + " may not claim its points");
        }
    }

    /** Refuses a fact that is not in force now: only a standing fact is counted. */
    public static void requireInForce(String factId, OutcomeStatus status) {
        if (status != OutcomeStatus.ACTIVE) {
            throw Refusal.of(ErrorCode.SOURCE_NOT_ACTIVE, "the fact " + factId + " is " + status + " and earns no points");
        }
    }

    /** A confirmation's status as a fact's: CONFIRMED stands (ACTIVE), WITHDRAWN is gone for good (REVOKED). */
    public static OutcomeStatus statusOf(SchoolConfirmation confirmation) {
        return confirmation.status() == ConfirmationStatus.CONFIRMED ? OutcomeStatus.ACTIVE : OutcomeStatus.REVOKED;
    }

    /**
     * The points {@code policy} gives a fact of {@code type} dated {@code factDate}: refused unless
     * the version is ACTIVE, its period covers the date and it prices the type.
     */
    public static int pointsFor(PointsPolicy policy, PointsFactType type, LocalDate factDate) {
        PolicyTerms terms = policy.terms();
        if (policy.status() != RuleStatus.ACTIVE) {
            throw Refusal.of(ErrorCode.POLICY_NOT_IN_FORCE, "points policy version " + terms.version()
                    + " is retired: " + policy.retireReason());
        }
        if (!terms.covers(factDate)) {
            throw Refusal.of(ErrorCode.POLICY_NOT_IN_FORCE, "points policy version " + terms.version() + " covers facts from "
                    + terms.validFrom() + " to " + terms.validUntil() + "; this fact is of " + factDate);
        }
        Integer points = terms.points().get(type);
        if (points == null) {
            throw Refusal.of(ErrorCode.POLICY_NOT_IN_FORCE, "points policy version " + terms.version()
                    + " gives no points for " + type);
        }
        return points;
    }

    /** The ACTIVE version whose period shares a day with {@code terms}, if any: versions in force never overlap. */
    public static Optional<PointsPolicy> overlapping(List<PointsPolicy> published, PolicyTerms terms) {
        return published.stream().filter(p -> p.status() == RuleStatus.ACTIVE && p.terms().overlaps(terms)).findFirst();
    }

    /** The sum of the lines' effective points: what the enterprise has earned, as its facts stand now. */
    public static int earned(List<PointsLine> lines) {
        return lines.stream().mapToInt(PointsLine::effectivePoints).sum();
    }

    private static void requireIssuedBy(String enterprise, Outcome outcome) {
        if (!outcome.issuer().equals(enterprise)) {
            throw Refusal.of(ErrorCode.ORG_NOT_ALLOWED, "outcome " + outcome.id() + " was issued by " + outcome.issuer()
                    + "; " + enterprise + " may not claim its points");
        }
    }

    private static void requireKind(Outcome outcome, OutcomeKind kind, PointsFactType type) {
        if (outcome.draft().kind() != kind) {
            throw notAFact("outcome " + outcome.id() + " is a " + outcome.draft().kind() + "; a " + type + " fact is a " + kind);
        }
    }

    private static Refusal notAFact(String message) {
        return Refusal.of(ErrorCode.NOT_A_POINTS_FACT, message);
    }
}
