package org.creditbank.gateway.ledger;

/**
 * The gateway's only way to the credit-bank chaincode. Each call is made as a named Fabric
 * identity (a registrar's own enrolled identity, so the ledger shows who acted). Implementations
 * handle retries and timeouts; callers see a result or a {@link LedgerException}.
 */
public interface LedgerClient extends AutoCloseable {

    /** Endorses, orders and waits for commit; returns the chaincode's response and the receipt. */
    LedgerResult submit(String identity, LedgerCall call);

    /** Runs a query on a peer; nothing is ordered. */
    String evaluate(String identity, LedgerCall call);

    /**
     * Runs a write on a peer's committed state without ordering it: what {@link #submit} would
     * answer or refuse right now. A dry run the chaincode decides.
     */
    Simulation simulate(String identity, LedgerCall call);

    /** A simulated write's answer, and the transaction id it ran as (which nothing on the ledger has). */
    record Simulation(String payload, String txId) {
    }

    @Override
    void close();
}
