package org.creditbank.chaincode.state;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * What every CreditBank contract is: transactions run with a {@link LedgerContext}, and a
 * transaction that returns normally has its writes sent to the peer in one go. A transaction that
 * throws sends none (the peer would discard them anyway).
 */
public interface LedgerContract extends ContractInterface {

    @Override
    default Context createContext(ChaincodeStub stub) {
        return new LedgerContext(stub);
    }

    @Override
    default void afterTransaction(Context ctx, Object result) {
        ((LedgerContext) ctx).ledger().flush();
    }
}
