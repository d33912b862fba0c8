package org.creditbank.chaincode.outcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;
import org.creditbank.model.institution.InstitutionType;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.outcome.Validity;

/**
 * The rules an outcome must satisfy in the context of its issuer and the day it is issued, on top
 * of the draft's own field rules. Pure: the contract supplies the institution type and the
 * transaction date.
 */
public final class IssuanceRules {

    private IssuanceRules() {
    }

    /** Every violation of {@code draft} when an institution of {@code issuerType} issues it on {@code today}. */
    public static List<Violation> check(InstitutionType issuerType, OutcomeDraft draft, LocalDate today) {
        List<Violation> found = new ArrayList<>(draft.validate());
        if (draft.kind() == OutcomeKind.COURSE && issuerType != InstitutionType.SCHOOL) {
            found.add(new Violation(ErrorCode.INSTITUTION_TYPE_NOT_ALLOWED, "kind",
                    "only a SCHOOL may issue COURSE outcomes; this institution is " + issuerType));
        }
        // One day of slack: the registrar's calendar date may be ahead of UTC.
        if (found.isEmpty() && LocalDate.parse(draft.activityEnd()).isAfter(today.plusDays(1))) {
            found.add(new Violation(ErrorCode.INVALID_FIELD, "activityEnd",
                    "activityEnd " + draft.activityEnd() + " is in the future; issue an outcome once it is achieved"));
        }
        // Issuing on the last valid day is allowed: the record is in force for the rest of it.
        if (found.isEmpty() && !Validity.inForceOn(draft.validUntil(), today)) {
            found.add(new Violation(ErrorCode.INVALID_FIELD, "validUntil",
                    "validUntil " + draft.validUntil() + " has already passed"));
        }
        return found;
    }
}
