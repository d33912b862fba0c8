package org.creditbank.chaincode.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.contract.RouterAccess;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * An in-memory channel for unit tests: committed world state with history, private data per
 * collection, key-level endorsement parameters and events. Each call runs the real contract router
 * under the real shim, whose messages a {@link PeerProtocol} answers from a fresh
 * {@link InMemoryStub}; a submitted transaction's writes are applied only if the
 * chaincode answered 200, as a peer would commit only an endorsed transaction. Timestamps advance
 * one second per transaction from a fixed start, so runs are reproducible.
 *
 * <p>A test tool only: it is not Fabric, and nothing proven against it alone is called done.
 */
public final class InMemoryLedger {

    final TreeMap<String, byte[]> state = new TreeMap<>();
    final Map<String, List<InMemoryStub.Modification>> history = new HashMap<>();
    final Map<String, TreeMap<String, byte[]>> privateData = new HashMap<>();
    final Map<String, byte[]> validationParameters = new HashMap<>();
    private final List<Event> events = new ArrayList<>();
    private final ContractRouter router = RouterAccess.router();
    private Instant clock = Instant.parse("2026-09-01T08:00:00Z");
    private int txCounter;
    private Map<ChaincodeMessage.Type, Integer> lastMessages = Map.of();
    private final Map<ChaincodeMessage.Type, Integer> allMessages = new java.util.EnumMap<>(ChaincodeMessage.Type.class);
    private final boolean throughShim;

    /** A ledger whose transactions run under the real shim, as on a peer. */
    public InMemoryLedger() {
        this(true);
    }

    private InMemoryLedger(boolean throughShim) {
        this.throughShim = throughShim;
    }

    /**
     * A ledger that hands the contract an {@link InMemoryStub} directly instead of the shim's
     * stub, so the contract falls back to one stub call per read and write (what it does when
     * batching is off): for proving both paths store the same bytes.
     */
    public static InMemoryLedger withoutShim() {
        return new InMemoryLedger(false);
    }

    /** A committed chaincode event. */
    public record Event(String txId, String name, String payload) {
    }

    /**
     * What the chaincode answered; {@code changed}: whether the transaction wrote anything (a
     * retried write that found its record is a read only).
     */
    public record Response(int status, String message, String payload, String txId, boolean changed) {
        public boolean ok() {
            return status == 200;
        }
    }

    /** Endorses and, if the chaincode succeeded, commits. */
    public Response submit(TestIdentity caller, String function, String... args) {
        return submitWithTransient(caller, Map.of(), function, args);
    }

    public Response submitWithTransient(TestIdentity caller, Map<String, byte[]> transientData, String function,
                                        String... args) {
        InMemoryStub stub = run(caller, transientData, function, args);
        Response response = respond(stub);
        if (response.ok()) {
            stub.commit();
            if (stub.eventName() != null) {
                events.add(new Event(stub.getTxId(), stub.eventName(), new String(stub.eventPayload(), StandardCharsets.UTF_8)));
            }
        }
        return response;
    }

    /** One transaction of a block: who calls which function with which arguments. */
    public record Call(TestIdentity caller, String function, List<String> args) {
        public static Call of(TestIdentity caller, String function, String... args) {
            return new Call(caller, function, List.of(args));
        }
    }

    /**
     * What became of a transaction of a block: the chaincode's answer at endorsement and the
     * peer's validation code at commit ({@code VALID}, {@code MVCC_READ_CONFLICT},
     * {@code PHANTOM_READ_CONFLICT}, or {@code ENDORSEMENT_FAILED} when the chaincode refused).
     */
    public record BlockResult(Response endorsed, String validation) {
        public boolean committed() {
            return "VALID".equals(validation);
        }
    }

    /**
     * Endorses every call on the same committed state, as clients submitting at once get them
     * endorsed, then commits them in order as one block with a peer's MVCC validation: a
     * transaction whose reads an earlier one of the block changed is invalidated and writes nothing.
     */
    public List<BlockResult> submitInOneBlock(List<Call> calls) {
        List<InMemoryStub> endorsed = calls.stream()
                .map(c -> run(c.caller(), Map.of(), c.function(), c.args().toArray(String[]::new))).toList();
        List<BlockResult> results = new ArrayList<>();
        for (InMemoryStub stub : endorsed) {
            Response response = respond(stub);
            String invalid = response.ok() ? stub.invalidation() : "ENDORSEMENT_FAILED";
            if (invalid == null) {
                stub.commit();
                if (stub.eventName() != null) {
                    events.add(new Event(stub.getTxId(), stub.eventName(), new String(stub.eventPayload(), StandardCharsets.UTF_8)));
                }
            }
            results.add(new BlockResult(response, invalid == null ? "VALID" : invalid));
        }
        return results;
    }

    /** Runs a query: never commits, even if the function wrote something. */
    public Response evaluate(TestIdentity caller, String function, String... args) {
        return respond(run(caller, Map.of(), function, args));
    }

    private InMemoryStub run(TestIdentity caller, Map<String, byte[]> transientData, String function, String[] args) {
        clock = clock.plusSeconds(1);
        String txId = String.format("tx%06d", ++txCounter);
        List<String> all = new ArrayList<>();
        all.add(function);
        all.addAll(List.of(args));
        InMemoryStub stub = new InMemoryStub(this, txId, clock, caller, all, transientData);
        if (throughShim) {
            lastMessages = PeerProtocol.run(router, stub, caller, clock, all, transientData);
            lastMessages.forEach((type, count) -> allMessages.merge(type, count, Integer::sum));
        } else {
            stub.lastResponse = router.invoke(stub);
        }
        return stub;
    }

    /**
     * A bare transaction for state-layer tests: a peer-like stub on this ledger with no caller and
     * no contract, its reads seeing committed state only. Hand it to {@link #commit} to apply its
     * writes, as a peer would after endorsement.
     */
    public ChaincodeStub transaction() {
        clock = clock.plusSeconds(1);
        return new InMemoryStub(this, String.format("tx%06d", ++txCounter), clock, null, List.of("state"), Map.of());
    }

    /** Commits a {@link #transaction()}'s writes, private writes and policies. */
    public void commit(ChaincodeStub transaction) {
        ((InMemoryStub) transaction).commit();
    }

    /** The committed history of a key, oldest first: the transaction ids that wrote it. */
    public List<String> writersOf(String key) {
        return history.getOrDefault(key, List.of()).stream().map(InMemoryStub.Modification::txId).toList();
    }

    private static Response respond(InMemoryStub stub) {
        Chaincode.Response r = stub.lastResponse;
        String payload = r.getPayload() == null ? null : new String(r.getPayload(), StandardCharsets.UTF_8);
        return new Response(r.getStatus().getCode(), r.getMessage(), payload, stub.getTxId(), stub.changesAnything());
    }

    /**
     * How many messages of each type the chaincode sent to the peer in the last transaction: each
     * is a round trip, except the final COMPLETED or ERROR.
     */
    public Map<ChaincodeMessage.Type, Integer> lastMessages() {
        return Map.copyOf(lastMessages);
    }

    /** How many messages of each type the chaincode sent to the peer in all transactions so far. */
    public Map<ChaincodeMessage.Type, Integer> allMessages() {
        return new TreeMap<>(allMessages);
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** A copy of the committed world state, for byte-level comparisons. */
    public Map<String, String> worldState() {
        Map<String, String> copy = new TreeMap<>();
        state.forEach((k, v) -> copy.put(k, new String(v, StandardCharsets.UTF_8)));
        return copy;
    }

    /** A copy of the committed world state as the raw bytes the chaincode wrote, keys sorted. */
    public java.util.SortedMap<String, byte[]> worldStateBytes() {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        state.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** The committed private value, or null. */
    public byte[] privateValue(String collection, String key) {
        TreeMap<String, byte[]> c = privateData.get(collection);
        return c == null ? null : c.get(key);
    }

    /** Copies of every key-level endorsement policy, by key. */
    public Map<String, byte[]> validationParameters() {
        return new TreeMap<>(validationParameters);
    }

    /** The key-level endorsement policy bytes of a key, or null. */
    public byte[] validationParameter(String key) {
        return validationParameters.get(key);
    }

    /** The UTC date of the next transaction's timestamp. */
    public java.time.LocalDate today() {
        return clock.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /** Advances the transaction clock, e.g. to test expiry. */
    public void advanceClock(java.time.Duration by) {
        clock = clock.plus(by);
    }
}
