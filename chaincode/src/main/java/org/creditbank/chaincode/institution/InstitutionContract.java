package org.creditbank.chaincode.institution;

import java.util.List;
import java.util.Optional;
import org.creditbank.chaincode.Contracts;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.state.Keys;
import org.creditbank.chaincode.state.Ledger;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.chaincode.state.LedgerContract;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.institution.Institution;
import org.creditbank.model.institution.InstitutionProfile;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Institution profiles: each organisation of the consortium says who it is (name, type). An
 * organisation writes only its own profile; the MSP id comes from the caller's certificate.
 */
@Contract(name = "institution", info = @Info(title = "CreditBank institutions", version = "1"))
@Default
public final class InstitutionContract implements LedgerContract {

    /** Registers or updates the caller's own institution profile (org admin only). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String register(LedgerContext ctx, String profileJson) {
        Caller caller = Caller.of(ctx).mustBeAdmin();
        InstitutionProfile profile = Contracts.parse(profileJson, InstitutionProfile.class);
        Refusal.throwIfAny(profile.validate());
        Ledger ledger = ctx.ledger();
        String key = ledger.key(Keys.INSTITUTION, caller.mspId());
        Optional<Institution> previous = ledger.get(key, Institution.class);
        if (previous.isPresent() && previous.get().profile().equals(profile)) {
            return Contracts.json(previous.get());
        }
        String now = ledger.now().toString();
        Institution institution = new Institution(caller.mspId(), profile,
                previous.map(Institution::registeredAt).orElse(now), now);
        ledger.put(key, institution);
        ledger.restrictEndorsementTo(key, caller.mspId());
        ledger.emit("InstitutionRegistered", institution);
        return Contracts.json(institution);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(LedgerContext ctx, String mspId) {
        Caller.of(ctx).mustRead();
        return Contracts.json(require(ctx.ledger(), mspId));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String list(LedgerContext ctx) {
        Caller.of(ctx).mustRead();
        List<Institution> all = ctx.ledger().scan(Institution.class, Keys.INSTITUTION);
        return Contracts.json(all);
    }

    /**
     * The registered institution of {@code mspId} if it awards credit (a school or authority):
     * only those publish rules and qualifications and recognise credit.
     */
    public static Institution requireAwarding(Ledger ledger, String mspId) {
        Institution institution = require(ledger, mspId);
        if (!institution.profile().type().awardsCredit()) {
            throw Refusal.of(ErrorCode.INSTITUTION_TYPE_NOT_ALLOWED, "a " + institution.profile().type()
                    + " does not award credit: it cannot publish rules or qualifications, nor recognise");
        }
        return institution;
    }

    /** The registered institution of {@code mspId}, or a refusal saying it must register first. */
    public static Institution require(Ledger ledger, String mspId) {
        return ledger.get(ledger.key(Keys.INSTITUTION, mspId), Institution.class)
                .orElseThrow(() -> Refusal.of(ErrorCode.INSTITUTION_NOT_REGISTERED,
                        mspId + " has not registered its institution profile"));
    }
}
