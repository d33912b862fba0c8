package org.creditbank.chaincode.institution;

import java.util.Optional;
import org.creditbank.chaincode.Contracts;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.state.Ledger;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.chaincode.state.LedgerContract;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;
import org.creditbank.model.institution.SigningKey;
import org.creditbank.model.key.Ed25519Multikey;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The Ed25519 keys institutions sign credentials with ({@code eddsa-rdfc-2022} proofs). No CA
 * certifies such a key, so its authority is this registration: only the organisation's admin
 * registers or retires its own keys, the key's state entry is endorsed by that organisation's
 * peers only (as its institution profile is), and the ledger's transaction times say when each
 * key was in force. A retired key stays listed with {@code retiredAt}, so a credential signed
 * before the retirement keeps verifying; rotation is registering the new key, switching the
 * gateway to it, then retiring the old one.
 */
@Contract(name = "signingkey", info = @Info(title = "CreditBank credential signing keys", version = "1"))
public final class SigningKeyContract implements LedgerContract {

    /**
     * Registers an Ed25519 public key ({@code z6Mk...}) for the caller's institution (org admin only).
     * Registering a key that is in force again changes nothing; a retired key cannot come back.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String register(LedgerContext ctx, String publicKeyMultibase) {
        Caller caller = Caller.of(ctx).mustBeAdmin();
        requireMultikey(publicKeyMultibase);
        Ledger ledger = ctx.ledger();
        ctx.institutions().require(caller.mspId());
        Optional<SigningKey> previous = ctx.signingKeys().find(caller.mspId(), publicKeyMultibase);
        if (previous.isPresent()) {
            if (previous.get().retiredAt() != null) {
                throw Refusal.of(ErrorCode.INVALID_STATUS_TRANSITION, "key " + publicKeyMultibase + " was retired at "
                        + previous.get().retiredAt() + "; a retired key is never registered again, register a new one");
            }
            return Contracts.json(previous.get());
        }
        SigningKey registered = new SigningKey(caller.mspId(), publicKeyMultibase, ledger.now().toString(), null);
        ctx.signingKeys().put(registered, true);
        ledger.emit("SigningKeyRegistered", registered);
        return Contracts.json(registered);
    }

    /**
     * Retires one of the caller's institution's keys (org admin only): proofs created from now on
     * with it no longer verify; earlier ones still do. Retiring a retired key changes nothing.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String retire(LedgerContext ctx, String publicKeyMultibase) {
        Caller caller = Caller.of(ctx).mustBeAdmin();
        requireMultikey(publicKeyMultibase);
        Ledger ledger = ctx.ledger();
        SigningKey current = ctx.signingKeys().find(caller.mspId(), publicKeyMultibase).orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND,
                caller.mspId() + " has no registered signing key " + publicKeyMultibase));
        if (current.retiredAt() != null) {
            return Contracts.json(current);
        }
        SigningKey retired = current.retire(ledger.now().toString());
        ctx.signingKeys().put(retired, false);
        ledger.emit("SigningKeyRetired", retired);
        return Contracts.json(retired);
    }

    /** Every institution's keys, retired ones included: what a trust bundle carries. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String list(LedgerContext ctx) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.signingKeys().all());
    }

    /** One institution's keys, retired ones included. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listOf(LedgerContext ctx, String mspId) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.signingKeys().of(mspId));
    }

    private static void requireMultikey(String publicKeyMultibase) {
        if (!Ed25519Multikey.isValid(publicKeyMultibase)) {
            throw Refusal.of(new Violation(ErrorCode.INVALID_FIELD, "publicKeyMultibase",
                    "must be an Ed25519 Multikey: base58btc ('z...') of 0xed01 and the 32 key bytes, z6Mk..."));
        }
    }
}
