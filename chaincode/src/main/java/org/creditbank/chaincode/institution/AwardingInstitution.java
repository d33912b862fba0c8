package org.creditbank.chaincode.institution;

import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.institution.Institution;

/**
 * Who may award credit: only a school or an authority publishes rules and qualifications and
 * recognises credit (see {@link org.creditbank.model.institution.InstitutionType#awardsCredit}).
 * The refusal every contract gives otherwise. Pure.
 */
public final class AwardingInstitution {

    private AwardingInstitution() {
    }

    /** {@code institution} itself if it awards credit; otherwise an INSTITUTION_TYPE_NOT_ALLOWED refusal. */
    public static Institution require(Institution institution) {
        if (!institution.profile().type().awardsCredit()) {
            throw Refusal.of(ErrorCode.INSTITUTION_TYPE_NOT_ALLOWED, "a " + institution.profile().type()
                    + " does not award credit: it cannot publish rules or qualifications, nor recognise");
        }
        return institution;
    }
}
