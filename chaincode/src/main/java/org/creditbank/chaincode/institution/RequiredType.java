package org.creditbank.chaincode.institution;

import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.institution.InstitutionType;

/**
 * The refusal every contract gives a caller whose institution is of the wrong type for the
 * transaction (only an AUTHORITY publishes a points policy, only an ENTERPRISE publishes talent
 * demand, only a SCHOOL appoints teachers, …).
 */
public final class RequiredType {

    private RequiredType() {
    }

    /** Refuses with INSTITUTION_TYPE_NOT_ALLOWED unless the caller's registered institution is a {@code type}. */
    public static void require(LedgerContext ctx, Caller caller, InstitutionType type, String what) {
        InstitutionType actual = ctx.institutions().require(caller.mspId()).profile().type();
        if (actual != type) {
            throw Refusal.of(ErrorCode.INSTITUTION_TYPE_NOT_ALLOWED, "only " + article(type) + type + " may " + what
                    + "; " + caller.mspId() + " is " + article(actual) + actual);
        }
    }

    private static String article(InstitutionType type) {
        return type == InstitutionType.ENTERPRISE || type == InstitutionType.AUTHORITY ? "an " : "a ";
    }
}
