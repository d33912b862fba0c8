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
 * The batched state messages of the Fabric peer protocol, {@code WRITE_BATCH_STATE} (a
 * transaction's writes) and {@code GET_STATE_MULTIPLE} (many keys read at once), sent through the
 * Java shim's own message channel for the running transaction. Used only when
 * {@link StateMessages#BATCHED} is in force.
 *
 * <p>Why: the Java shim (fabric-chaincode-shim 2.5.10) sends every {@code putState},
 * {@code setStateValidationParameter} and {@code getState} as its own synchronous round trip, and
 * a 500-record batch costs some 2,000 of them. Fabric peers since v3.1.0 take a transaction's
 * writes in one message and answer many reads in one, but that Java shim has no API for either
 * (the Go shim has: {@code StartWriteBatch}/{@code FinishWriteBatch}, {@code GetMultipleStates},
 * fabric-chaincode-go v2.1.0 and later; read here in v2.3.0, which Fabric v3.1.5 vendors). So this class reaches two internals of that shim version
 * by reflection, the stub's private {@code handler} field (its {@code ChaincodeInvocationTask}) and
 * the task's protected {@code invoke(ChaincodeMessage)}, which sends a message and waits for the
 * peer's answer, and sends the two messages itself (protobuf types from fabric-protos 0.3.7).
 *
 * <p>What the peer does with them, as read in the Fabric v3.1.5 source ({@code core/chaincode/handler.go}):
 * {@code HandleWriteBatch} applies the records in order, each exactly as the single
 * {@code PUT_STATE}, {@code PUT_STATE_METADATA} or {@code PURGE_PRIVATE_DATA} message would be
 * applied; {@code HandleGetStateMultipleKeys} answers one value per key, empty for an absent one,
 * and puts each key in the read set as {@code GET_STATE} would (on a state-database error it
 * answers no values at all, which {@link #read} refuses instead of taking every key for absent).
 * Neither looks at {@code chaincode.runtimeParams} in the peer's {@code core.yaml}
 * ({@code useWriteBatch}, {@code maxSizeWriteBatch}, {@code useGetMultipleKeys},
 * {@code maxSizeGetMultipleKeys}); those are sent to the chaincode in the {@code READY} message
 * ({@code ChaincodeAdditionalParams}) for the shim to follow. The Go shim follows them (batches
 * only when the peer says so, in segments of at most the peer's maximum, and keeps only the last
 * write per key, sent in no fixed order); the Java shim 2.5.10 discards that payload, so this class cannot read them.
 * It differs from the Go shim in that: it batches whenever {@link StateMessages} says so, and it
 * sends every write in the order made, with nothing merged (so the peer sees what one call per
 * write would have sent).
 *
 * <p>Because the peer's limits cannot be read here, {@link #MAX_RECORDS_PER_MESSAGE} is a
 * constant: the peer's own default for both limits ({@code defaultMaxSizeWriteBatch} and
 * {@code defaultMaxSizeGetMultipleKeys} in {@code core/chaincode/config.go}, and the value in
 * Fabric's {@code sampleconfig/core.yaml} and this project's {@code network/core.yaml}). A v3.1.5
 * peer does not enforce it; a peer configured lower would still accept these segments.
 */
final class PeerBatch {

    /**
     * Records per {@code WRITE_BATCH_STATE} and keys per {@code GET_STATE_MULTIPLE}: the Fabric
     * v3.1.5 peer's default {@code maxSizeWriteBatch} and {@code maxSizeGetMultipleKeys}. A
     * constant because the Java shim does not pass on the peer's configured values (see above).
     */
    static final int MAX_RECORDS_PER_MESSAGE = 1000;

    private static final String STUB_CLASS = "org.hyperledger.fabric.shim.impl.InvocationStubImpl";
    private static final String TASK_CLASS = "org.hyperledger.fabric.shim.impl.ChaincodeInvocationTask";
    private static final Channel CHANNEL = Channel.find();

    private final MethodHandle send;
    private final String channelId;
    private final String txId;

    private PeerBatch(MethodHandle send, String channelId, String txId) {
        this.send = send;
        this.channelId = channelId;
        this.txId = txId;
    }

    /** Whether the shim on the class path has the two internals this class uses. */
    static boolean shimChannelFound() {
        return CHANNEL != null;
    }

    /**
     * The batch channel of this transaction; empty when the stub is not the shim's own (a test's
     * stub), which then takes one call per operation.
     */
    static Optional<PeerBatch> of(ChaincodeStub stub) {
        if (CHANNEL == null || !CHANNEL.stubClass.isInstance(stub)) {
            return Optional.empty();
        }
        try {
            Object task = CHANNEL.handler.invoke(stub);
            return Optional.of(new PeerBatch(CHANNEL.invoke.bindTo(task), stub.getChannelId(), stub.getTxId()));
        } catch (Throwable e) {
            throw new IllegalStateException("cannot reach the shim's message channel", e);
        }
    }

    /** Sends the writes in order, in messages of at most {@link #MAX_RECORDS_PER_MESSAGE} records. */
    void write(List<WriteRecord> records) {
        for (int from = 0; from < records.size(); from += MAX_RECORDS_PER_MESSAGE) {
            WriteBatchState batch = WriteBatchState.newBuilder()
                    .addAllRec(records.subList(from, Math.min(records.size(), from + MAX_RECORDS_PER_MESSAGE))).build();
            send(ChaincodeMessage.Type.WRITE_BATCH_STATE, batch.toByteString());
        }
    }

    /** The committed values of {@code keys}, in their order; an absent key gives an empty array. */
    List<byte[]> read(String collection, List<String> keys) {
        List<byte[]> values = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += MAX_RECORDS_PER_MESSAGE) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_RECORDS_PER_MESSAGE));
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
