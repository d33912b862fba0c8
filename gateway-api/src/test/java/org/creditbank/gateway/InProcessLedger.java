package org.creditbank.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentHashMap;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.ledger.LedgerException;
import org.creditbank.gateway.ledger.LedgerResult;
import org.creditbank.model.RefusalBody;
import org.creditbank.model.json.CanonicalJson;

/**
 * A {@link LedgerClient} that runs the real contract in process on the chaincode module's
 * in-memory ledger, so the gateway's HTTP tests exercise real chaincode rules without a Fabric
 * network. A test tool only: it proves the HTTP layer, not the Fabric connection.
 */
final class InProcessLedger implements LedgerClient {

    private final InMemoryLedger ledger;
    private final Map<String, TestIdentity> wallet = new ConcurrentHashMap<>();
    private long blocks;
    private volatile boolean down;
    private final List<Map.Entry<Predicate<LedgerCall>, Runnable>> interruptions = new ArrayList<>();
    private final List<String> called = new ArrayList<>();

    InProcessLedger(InMemoryLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * The college registered on {@code chain}, seen through a ledger client whose wallet holds
     * {@code user} with {@code role} and the gateway's own verifier identity: the set-up of every
     * one-gateway HTTP test.
     */
    static InProcessLedger college(InMemoryLedger chain, String user, String role) {
        InMemoryLedger.Response registered = chain.submit(TestIdentity.admin("CollegeMSP"), "institution:register",
                CanonicalJson.toJson(Map.of("name", "广州五金职业技术学院", "type", "SCHOOL")));
        if (!registered.ok()) {
            throw new IllegalStateException("cannot register the college: " + registered.message());
        }
        return new InProcessLedger(chain).enroll(user, TestIdentity.withRole("CollegeMSP", user, role))
                .enroll("gateway", TestIdentity.withRole("CollegeMSP", "gateway", "verifier"));
    }

    InProcessLedger enroll(String name, TestIdentity identity) {
        wallet.put(name, identity);
        return this;
    }

    /**
     * Runs {@code action} just before the first later submit that {@code when} matches: something
     * that happens on the network between a request's check and its write.
     */
    synchronized void beforeSubmit(Predicate<LedgerCall> when, Runnable action) {
        interruptions.add(Map.entry(when, action));
    }

    /** The functions of every call that reached this client so far, in order: what a use case sent. */
    synchronized List<String> called() {
        return List.copyOf(called);
    }

    /** Simulates the institution's peer being unreachable. */
    void setDown(boolean down) {
        this.down = down;
    }

    @Override
    public synchronized LedgerResult submit(String identity, LedgerCall call) {
        called.add(call.function());
        interruptions.stream().filter(i -> i.getKey().test(call)).findFirst().ifPresent(i -> {
            interruptions.remove(i);
            i.getValue().run();
        });
        InMemoryLedger.Response r = ledger.submitWithTransient(signer(identity), call.transientData(), call.function(),
                call.args().toArray(String[]::new));
        String payload = check(r);
        return r.changed() ? LedgerResult.committed(payload, r.txId(), ++blocks) : LedgerResult.unchanged(payload);
    }

    @Override
    public synchronized String evaluate(String identity, LedgerCall call) {
        called.add(call.function());
        return check(ledger.evaluate(signer(identity), call.function(), call.args().toArray(String[]::new)));
    }

    @Override
    public synchronized Simulation simulate(String identity, LedgerCall call) {
        called.add(call.function());
        InMemoryLedger.Response r = ledger.evaluate(signer(identity), call.function(), call.args().toArray(String[]::new));
        return new Simulation(check(r), r.txId());
    }

    private TestIdentity signer(String identity) {
        if (down) {
            throw new LedgerException(LedgerException.Kind.UNAVAILABLE, "no peer is reachable", null, null);
        }
        TestIdentity signer = wallet.get(identity);
        if (signer == null) {
            throw new IllegalStateException("no identity " + identity + " in the test wallet");
        }
        return signer;
    }

    private static String check(InMemoryLedger.Response r) {
        if (r.ok()) {
            return r.payload();
        }
        RefusalBody refusal = RefusalBody.find("chaincode response 500, " + r.message())
                .orElseThrow(() -> new IllegalStateException("unexpected chaincode failure: " + r.message()));
        throw LedgerException.refused(refusal, null);
    }

    @Override
    public void close() {
    }
}
