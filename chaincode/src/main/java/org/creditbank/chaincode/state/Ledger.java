package org.creditbank.chaincode.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditbank.model.history.HistoryEntry;
import org.creditbank.model.json.CanonicalJson;
import org.hyperledger.fabric.protos.peer.MetaDataKeys;
import org.hyperledger.fabric.protos.peer.StateMetadata;
import org.hyperledger.fabric.protos.peer.WriteRecord;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement;
import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * The transaction's only access to world state, private data and events: records in and out as
 * canonical JSON under composite keys. Reads see the state before this transaction (Fabric does
 * not show a transaction its own writes), which callers must keep in mind within batches.
 *
 * <p>Contracts see only its public part (the transaction's clock and id, its event, its transient
 * data); everything that takes a key is package-private and used by the stores of this package
 * ({@link OutcomeStore}, {@link AccountStore}, …), so every key is built in exactly one store.
 *
 * <p>Writes are collected and reach the peer in {@link #flush()}, which {@link LedgerContract}
 * calls once the transaction function has returned: on the shim's channel that is one
 * {@code WRITE_BATCH_STATE} message per transaction instead of a round trip per write, when
 * {@link StateMessages} says so (see {@link PeerBatch}). {@link #getAll} likewise reads many keys in one round trip. Nothing a
 * contract can observe changes: Fabric applies a transaction's writes at commit either way.
 */
public final class Ledger {

    private final ChaincodeStub stub;
    private final Optional<PeerBatch> batch;
    private final List<WriteRecord> writes = new ArrayList<>();

    Ledger(ChaincodeStub stub) {
        this.stub = stub;
        this.batch = StateMessages.inForce() == StateMessages.BATCHED ? PeerBatch.of(stub) : Optional.empty();
    }

    /** Sends the collected writes to the peer, in the order they were made. */
    void flush() {
        if (writes.isEmpty()) {
            return;
        }
        if (batch.isPresent()) {
            batch.get().write(writes);
        } else {
            writes.forEach(this::applyOne);
        }
        writes.clear();
    }

    private void applyOne(WriteRecord w) {
        boolean isPrivate = !w.getCollection().isEmpty();
        switch (w.getType()) {
            case PUT_STATE -> {
                if (isPrivate) {
                    stub.putPrivateData(w.getCollection(), w.getKey(), w.getValue().toByteArray());
                } else {
                    stub.putState(w.getKey(), w.getValue().toByteArray());
                }
            }
            case PUT_STATE_METADATA -> stub.setStateValidationParameter(w.getKey(),
                    w.getMetadata().getValue().toByteArray());
            case PURGE_PRIVATE_DATA -> stub.purgePrivateData(w.getCollection(), w.getKey());
            default -> throw new IllegalStateException("unexpected write " + w.getType());
        }
    }

    private void write(WriteRecord.Type type, String collection, String key, byte[] value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        WriteRecord.Builder w = WriteRecord.newBuilder().setType(type).setCollection(collection).setKey(key);
        if (type == WriteRecord.Type.PUT_STATE_METADATA) {
            w.setMetadata(StateMetadata.newBuilder().setMetakey(MetaDataKeys.VALIDATION_PARAMETER.name())
                    .setValue(ByteString.copyFrom(value)));
        } else if (value != null) {
            w.setValue(ByteString.copyFrom(value));
        }
        writes.add(w.build());
    }

    /** The transaction timestamp: the only clock chaincode may use. */
    public Instant now() {
        return stub.getTxTimestamp();
    }

    public String txId() {
        return stub.getTxId();
    }

    String key(String type, String... attributes) {
        return stub.createCompositeKey(type, attributes).toString();
    }

    <T> Optional<T> get(String key, Class<T> type) {
        byte[] bytes = stub.getState(key);
        return bytes == null || bytes.length == 0 ? Optional.empty() : Optional.of(CanonicalJson.read(bytes, type));
    }

    /** The records under {@code keys}, in their order, empty where a key has none: one round trip. */
    <T> List<Optional<T>> getAll(List<String> keys, Class<T> type) {
        return values(keys).stream().map(bytes -> isEmpty(bytes) ? Optional.<T>empty()
                : Optional.of(CanonicalJson.read(bytes, type))).toList();
    }

    /** Whether each of {@code keys} holds a value, in their order: one round trip. */
    List<Boolean> existAll(List<String> keys) {
        return values(keys).stream().map(bytes -> !isEmpty(bytes)).toList();
    }

    private List<byte[]> values(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return batch.isPresent() ? batch.get().read("", keys) : keys.stream().map(stub::getState).toList();
    }

    private static boolean isEmpty(byte[] bytes) {
        return bytes == null || bytes.length == 0;
    }

    boolean exists(String key) {
        byte[] bytes = stub.getState(key);
        return bytes != null && bytes.length > 0;
    }

    void put(String key, Object record) {
        write(WriteRecord.Type.PUT_STATE, "", key, CanonicalJson.toBytes(record));
    }

    /** Writes an index entry whose value is the id it points to. */
    void putIndex(String key, String id) {
        write(WriteRecord.Type.PUT_STATE, "", key, id.getBytes(StandardCharsets.UTF_8));
    }

    /** The id an index entry points to, if the entry exists. */
    Optional<String> indexValue(String key) {
        byte[] value = stub.getState(key);
        return value == null || value.length == 0 ? Optional.empty()
                : Optional.of(new String(value, StandardCharsets.UTF_8));
    }

    /** Values of all index entries under a partial composite key, in key order. */
    List<String> indexValues(String type, String... attributes) {
        List<String> ids = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> it = stub.getStateByPartialCompositeKey(type, attributes)) {
            it.forEach(kv -> ids.add(kv.getStringValue()));
        }
        return ids;
    }

    /** All records under a partial composite key, in key order. */
    <T> List<T> scan(Class<T> type, String objectType, String... attributes) {
        List<T> records = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> it = stub.getStateByPartialCompositeKey(objectType, attributes)) {
            it.forEach(kv -> records.add(CanonicalJson.read(kv.getValue(), type)));
        }
        return records;
    }

    /** The versions of a record, oldest first, each with the fields changed against the one before. */
    List<HistoryEntry> history(String key) {
        List<KeyModification> modifications = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> it = stub.getHistoryForKey(key)) {
            it.forEach(modifications::add);
        }
        // Fabric returns the newest version first; a history reads naturally oldest first.
        Collections.reverse(modifications);
        List<HistoryEntry> entries = new ArrayList<>();
        JsonNode previous = null;
        for (KeyModification m : modifications) {
            JsonNode record = m.isDeleted() ? null : CanonicalJson.read(m.getValue(), JsonNode.class);
            entries.add(new HistoryEntry(m.getTxId(), m.getTimestamp().toString(),
                    record == null || record.get("changedBy") == null ? null : record.get("changedBy").asText(),
                    changedFields(previous, record), record));
            previous = record;
        }
        return entries;
    }

    private static List<String> changedFields(JsonNode before, JsonNode after) {
        List<String> changed = new ArrayList<>();
        if (after == null) {
            return changed;
        }
        for (Iterator<String> names = after.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (before == null || !after.get(name).equals(before.get(name))) {
                changed.add(name);
            }
        }
        if (before != null) {
            before.fieldNames().forEachRemaining(name -> {
                if (!after.has(name)) {
                    changed.add(name);
                }
            });
        }
        return changed;
    }

    /**
     * Makes {@code key} endorsable only by peers of {@code mspId}, whatever the chaincode-level
     * policy says: a majority of other organisations can no longer rewrite the record.
     */
    void restrictEndorsementTo(String key, String mspId) {
        StateBasedEndorsement policy = StateBasedEndorsementFactory.getInstance().newStateBasedEndorsement(null);
        policy.addOrgs(StateBasedEndorsement.RoleType.RoleTypePeer, mspId);
        write(WriteRecord.Type.PUT_STATE_METADATA, "", key, policy.policy());
    }

    /** Sets the transaction's chaincode event (Fabric keeps one per transaction: the last one set). */
    public void emit(String name, Object payload) {
        stub.setEvent(name, CanonicalJson.toBytes(payload));
    }

    public Map<String, byte[]> transientData() {
        return stub.getTransient();
    }

    byte[] getPrivate(String collection, String key) {
        return stub.getPrivateData(collection, key);
    }

    byte[] privateHash(String collection, String key) {
        return stub.getPrivateDataHash(collection, key);
    }

    void putPrivate(String collection, String key, byte[] value) {
        write(WriteRecord.Type.PUT_STATE, collection, key, value);
    }

    /** Removes the value and its history from every peer; the hash on the chain stays. */
    void purgePrivate(String collection, String key) {
        write(WriteRecord.Type.PURGE_PRIVATE_DATA, collection, key, null);
    }
}
