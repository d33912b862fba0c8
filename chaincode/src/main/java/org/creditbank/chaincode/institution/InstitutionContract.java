package org.creditbank.chaincode.institution;

import java.util.Optional;
import org.creditbank.chaincode.Contracts;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.chaincode.state.LedgerContract;
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
        Optional<Institution> previous = ctx.institutions().find(caller.mspId());
        if (previous.isPresent() && previous.get().profile().equals(profile)) {
            return Contracts.json(previous.get());
        }
        String now = ctx.ledger().now().toString();
        Institution institution = new Institution(caller.mspId(), profile,
                previous.map(Institution::registeredAt).orElse(now), now);
        ctx.institutions().put(institution);
        ctx.ledger().emit("InstitutionRegistered", institution);
        return Contracts.json(institution);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(LedgerContext ctx, String mspId) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.institutions().require(mspId));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String list(LedgerContext ctx) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.institutions().all());
    }
}
