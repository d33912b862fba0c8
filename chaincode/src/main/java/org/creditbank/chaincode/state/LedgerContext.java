package org.creditbank.chaincode.state;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * A transaction's context with its one {@link Ledger}: every read and write of the transaction
 * goes through it, so its collected writes are complete when {@link LedgerContract} flushes them.
 */
public final class LedgerContext extends Context {

    private final Ledger ledger;

    public LedgerContext(ChaincodeStub stub) {
        super(stub);
        this.ledger = new Ledger(stub);
    }

    public Ledger ledger() {
        return ledger;
    }
}
