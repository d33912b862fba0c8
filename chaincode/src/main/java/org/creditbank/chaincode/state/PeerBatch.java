package org.creditbank.chaincode.state;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.GetStateMultiple;
import org.hyperledger.fabric.protos.peer.GetStateMultipleResult;
import org.hyperledger.fabric.protos.peer.WriteBatchState;
import org.hyperledger.fabric.protos.peer.WriteRecord;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Fabric 3's batched state messages ({@code WRITE_BATCH_STATE}, {@code GET_STATE_MULTIPLE}) sent
 * through the Java shim's own channel for the running transaction.
 *
 * <p>Why: the Java shim 2.5.10 sends every {@code putState}, {@code setStateValidationParameter}
 * and {@code getState} as its own synchronous round trip to the peer, and a 500-record batch costs
 * some 2,000 of them; the peer (since v3.0) accepts a transaction's writes in one message and
 * answers many reads in one, but the Java shim has no API for either. This class reaches the
 * shim's per-invocation message channel (a private field of its stub, a protected method of its
 * task) and sends those two messages itself, exactly as the Go shim does. It is tied to the pinned
 * shim version: {@link #of} finds nothing, and the ledger falls back to one call per operation,
 * when the stub is not the shim's or the shim's internals have changed (a unit test fails then).
 *
 * <p>Batching can be switched off with {@code CREDITBANK_STATE_BATCHING=off} in the chaincode
 * server's environment, for peers older than Fabric v3.0.
 */
final class PeerBatch {

    /** The peer's default {@code maxSizeWriteBatch} and {@code maxSizeGetMultipleKeys}. */
    static final int MAX_ITEMS = 1000;

    private static final String STUB_CLASS = "org.hyperledger.fabric.shim.impl.InvocationStubImpl";
    private static final String TASK_CLASS = "org.hyperledger.fabric.shim.impl.ChaincodeInvocationTask";
    private static final boolean ENABLED = !"off".equalsIgnoreCase(System.getenv("CREDITBANK_STATE_BATCHING"));
    private static final Channel CHANNEL = Channel.find();

    private final MethodHandle send;
    private final String channelId;
    private final String txId;

    private PeerBatch(MethodHandle send, String channelId, String txId) {
        this.send = send;
        this.channelId = channelId;
        this.txId = txId;
    }

    /** The batch channel of this transaction, if batching is on and the stub is the shim's own. */
    static Optional<PeerBatch> of(ChaincodeStub stub) {
        if (!ENABLED || CHANNEL == null || !CHANNEL.stubClass.isInstance(stub)) {
            return Optional.empty();
        }
        try {
            Object task = CHANNEL.handler.invoke(stub);
            return Optional.of(new PeerBatch(CHANNEL.invoke.bindTo(task), stub.getChannelId(), stub.getTxId()));
        } catch (Throwable e) {
            throw new IllegalStateException("cannot reach the shim's message channel", e);
        }
    }

    /** Sends the writes in order, in messages of at most {@link #MAX_ITEMS} records. */
    void write(List<WriteRecord> records) {
        for (int from = 0; from < records.size(); from += MAX_ITEMS) {
            WriteBatchState batch = WriteBatchState.newBuilder()
                    .addAllRec(records.subList(from, Math.min(records.size(), from + MAX_ITEMS))).build();
            send(ChaincodeMessage.Type.WRITE_BATCH_STATE, batch.toByteString());
        }
    }

    /** The committed values of {@code keys}, in their order; an absent key gives an empty array. */
    List<byte[]> read(String collection, List<String> keys) {
        List<byte[]> values = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += MAX_ITEMS) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_ITEMS));
            ByteString answer = send(ChaincodeMessage.Type.GET_STATE_MULTIPLE, GetStateMultiple.newBuilder()
                    .setCollection(collection).addAllKeys(chunk).build().toByteString());
            try {
                GetStateMultipleResult result = GetStateMultipleResult.parseFrom(answer);
                if (result.getValuesCount() != chunk.size()) {
                    throw new IllegalStateException("the peer answered " + result.getValuesCount()
                            + " values for " + chunk.size() + " keys");
                }
                result.getValuesList().forEach(v -> values.add(v.toByteArray()));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("unreadable GET_STATE_MULTIPLE answer", e);
            }
        }
        return values;
    }

    private ByteString send(ChaincodeMessage.Type type, ByteString payload) {
        ChaincodeMessage message = ChaincodeMessage.newBuilder().setType(type).setChannelId(channelId)
                .setTxid(txId).setPayload(payload).build();
        try {
            return (ByteString) send.invoke(message);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(type + " failed", e);
        }
    }

    /** The two shim internals used: the stub's task field and the task's send-and-wait method. */
    private record Channel(Class<?> stubClass, MethodHandle handler, MethodHandle invoke) {
        static Channel find() {
            try {
                Class<?> stub = Class.forName(STUB_CLASS);
                Class<?> task = Class.forName(TASK_CLASS);
                MethodHandle handler = MethodHandles.privateLookupIn(stub, MethodHandles.lookup())
                        .findGetter(stub, "handler", task);
                MethodHandle invoke = MethodHandles.privateLookupIn(task, MethodHandles.lookup())
                        .findVirtual(task, "invoke", MethodType.methodType(ByteString.class, ChaincodeMessage.class));
                return new Channel(stub, handler, invoke);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }
}
