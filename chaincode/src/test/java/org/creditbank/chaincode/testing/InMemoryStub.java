package org.creditbank.chaincode.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * One transaction's view of an {@link InMemoryLedger}, behaving like a peer for what the contract
 * uses: reads see only committed state (a transaction never sees its own writes), writes are
 * buffered until commit, an empty value deletes, composite-key scans are ordered by key, history
 * comes newest first, private data is per collection with its hash readable, the last event set
 * wins. Anything the contract does not use throws, so a new dependency on it is noticed.
 */
final class InMemoryStub implements ChaincodeStub {

    record Modification(String txId, Instant timestamp, byte[] value) implements KeyModification {
        @Override public String getTxId() { return txId; }
        @Override public byte[] getValue() { return value == null ? new byte[0] : value; }
        @Override public String getStringValue() { return new String(getValue(), StandardCharsets.UTF_8); }
        @Override public Instant getTimestamp() { return timestamp; }
        @Override public boolean isDeleted() { return value == null; }
    }

    private record Entry(String key, byte[] value) implements KeyValue {
        @Override public String getKey() { return key; }
        @Override public byte[] getValue() { return value; }
        @Override public String getStringValue() { return new String(value, StandardCharsets.UTF_8); }
    }

    private static final String MAX_UNICODE = "\udbff\udfff";

    private final InMemoryLedger ledger;
    private final String txId;
    private final Instant timestamp;
    private final TestIdentity caller;
    private final List<String> args;
    private final Map<String, byte[]> transientData;
    private final Map<String, byte[]> writes = new LinkedHashMap<>();
    private final Map<String, Map<String, byte[]>> privateWrites = new LinkedHashMap<>();
    private final Map<String, byte[]> parameterWrites = new LinkedHashMap<>();
    /** What the simulation read, as a peer records it in the read set: key → version, and each range's results. */
    private final Map<String, Integer> readVersions = new LinkedHashMap<>();
    private final List<RangeRead> rangeReads = new ArrayList<>();
    private String eventName;
    private byte[] eventPayload;
    Chaincode.Response lastResponse;

    /** A range the simulation scanned and the (key, version) pairs it saw, for phantom-read validation. */
    private record RangeRead(String start, String end, Map<String, Integer> seen) {
    }

    InMemoryStub(InMemoryLedger ledger, String txId, Instant timestamp, TestIdentity caller, List<String> args,
                 Map<String, byte[]> transientData) {
        this.ledger = ledger;
        this.txId = txId;
        this.timestamp = timestamp;
        this.caller = caller;
        this.args = List.copyOf(args);
        this.transientData = Map.copyOf(transientData);
    }

    /**
     * The peer's MVCC validation at commit: null when every key read still has the version it had
     * during simulation and every range still holds the same keys at the same versions; else the
     * validation code a Fabric peer gives the transaction.
     */
    String invalidation() {
        for (Map.Entry<String, Integer> read : readVersions.entrySet()) {
            if (version(read.getKey()) != read.getValue()) {
                return "MVCC_READ_CONFLICT";
            }
        }
        for (RangeRead range : rangeReads) {
            if (!versions(ledger.state.subMap(range.start(), range.end())).equals(range.seen())) {
                return "PHANTOM_READ_CONFLICT";
            }
        }
        return null;
    }

    /** A key's committed version: how many times it was written (0: never). */
    private int version(String key) {
        return ledger.history.getOrDefault(key, List.of()).size();
    }

    private Map<String, Integer> versions(SortedMap<String, byte[]> entries) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        entries.keySet().forEach(k -> seen.put(k, version(k)));
        return seen;
    }

    /** Whether committing would change anything: a write, a private write, a policy or an event. */
    boolean changesAnything() {
        return !writes.isEmpty() || !privateWrites.isEmpty() || !parameterWrites.isEmpty() || eventName() != null;
    }

    void commit() {
        writes.forEach((key, value) -> {
            if (value == null) {
                ledger.state.remove(key);
            } else {
                ledger.state.put(key, value);
            }
            ledger.history.computeIfAbsent(key, k -> new ArrayList<>()).add(new Modification(txId, timestamp, value));
        });
        privateWrites.forEach((collection, values) -> values.forEach((key, value) -> {
            TreeMap<String, byte[]> c = ledger.privateData.computeIfAbsent(collection, k -> new TreeMap<>());
            if (value == null) {
                c.remove(key);
            } else {
                c.put(key, value);
            }
        }));
        ledger.validationParameters.putAll(parameterWrites);
    }

    String eventName() {
        return eventName;
    }

    byte[] eventPayload() {
        return eventPayload;
    }

    // --- arguments and transaction facts

    @Override public List<byte[]> getArgs() {
        return args.stream().map(a -> a.getBytes(StandardCharsets.UTF_8)).toList();
    }
    @Override public List<String> getStringArgs() { return args; }
    @Override public String getFunction() { return args.isEmpty() ? null : args.get(0); }
    @Override public List<String> getParameters() { return args.subList(1, args.size()); }
    @Override public String getTxId() { return txId; }
    @Override public String getChannelId() { return "creditbank"; }
    @Override public Instant getTxTimestamp() { return timestamp; }
    @Override public byte[] getCreator() { return caller.creator(); }
    @Override public Map<String, byte[]> getTransient() { return transientData; }
    @Override public String getMspId() { return caller.mspId(); }

    // --- world state

    @Override
    public byte[] getState(String key) {
        readVersions.putIfAbsent(key, version(key));
        return ledger.state.get(key);
    }

    @Override
    public void putState(String key, byte[] value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        writes.put(key, value == null || value.length == 0 ? null : value.clone());
    }

    @Override
    public void delState(String key) {
        writes.put(key, null);
    }

    @Override
    public byte[] getStateValidationParameter(String key) {
        return ledger.validationParameters.get(key);
    }

    @Override
    public void setStateValidationParameter(String key, byte[] value) {
        parameterWrites.put(key, value.clone());
    }

    @Override
    public CompositeKey createCompositeKey(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String objectType, String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        return rangeRead(compositeKey, compositeKey + MAX_UNICODE);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
        return getStateByPartialCompositeKey(compositeKey.toString());
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
        return rangeRead(startKey, endKey);
    }

    private QueryResultsIterator<KeyValue> rangeRead(String start, String end) {
        SortedMap<String, byte[]> entries = ledger.state.subMap(start, end);
        rangeReads.add(new RangeRead(start, end, versions(entries)));
        return range(entries);
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
        List<KeyModification> newestFirst = new ArrayList<>(ledger.history.getOrDefault(key, List.of()));
        java.util.Collections.reverse(newestFirst);
        return iterator(newestFirst);
    }

    // --- private data

    @Override
    public byte[] getPrivateData(String collection, String key) {
        return ledger.privateValue(collection, key);
    }

    @Override
    public byte[] getPrivateDataHash(String collection, String key) {
        byte[] value = ledger.privateValue(collection, key);
        if (value == null) {
            return null;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void putPrivateData(String collection, String key, byte[] value) {
        privateWrites.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(key, value.clone());
    }

    @Override
    public void delPrivateData(String collection, String key) {
        privateWrites.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(key, null);
    }

    @Override
    public void purgePrivateData(String collection, String key) {
        delPrivateData(collection, key);
    }

    // --- events

    @Override
    public void setEvent(String name, byte[] payload) {
        eventName = name;
        eventPayload = payload.clone();
    }

    @Override
    public ChaincodeEvent getEvent() {
        return eventName == null ? null : ChaincodeEvent.newBuilder().setEventName(eventName)
                .setPayload(com.google.protobuf.ByteString.copyFrom(eventPayload)).setTxId(txId).build();
    }

    private static QueryResultsIterator<KeyValue> range(SortedMap<String, byte[]> entries) {
        List<KeyValue> snapshot = new ArrayList<>();
        entries.forEach((k, v) -> snapshot.add(new Entry(k, v)));
        return iterator(snapshot);
    }

    private static <T> QueryResultsIterator<T> iterator(List<T> items) {
        return new QueryResultsIterator<>() {
            @Override public Iterator<T> iterator() { return items.iterator(); }
            @Override public void close() { }
        };
    }

    // --- not used by the contract

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not used by the CreditBank contract; add it to InMemoryStub if needed");
    }

    @Override public Chaincode.Response invokeChaincode(String name, List<byte[]> args, String channel) { throw unused(); }
    @Override public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(String s, String e, int p, String b) { throw unused(); }
    @Override public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(CompositeKey k, int p, String b) { throw unused(); }
    @Override public QueryResultsIterator<KeyValue> getQueryResult(String query) { throw unused(); }
    @Override public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(String q, int p, String b) { throw unused(); }
    @Override public byte[] getPrivateDataValidationParameter(String collection, String key) { throw unused(); }
    @Override public void setPrivateDataValidationParameter(String collection, String key, byte[] value) { throw unused(); }
    @Override public QueryResultsIterator<KeyValue> getPrivateDataByRange(String c, String s, String e) { throw unused(); }
    @Override public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String c, String k) { throw unused(); }
    @Override public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String c, CompositeKey k) { throw unused(); }
    @Override public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String c, String t, String... a) { throw unused(); }
    @Override public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String c, String q) { throw unused(); }
    @Override public SignedProposal getSignedProposal() { throw unused(); }
    @Override public byte[] getBinding() { throw unused(); }
}
