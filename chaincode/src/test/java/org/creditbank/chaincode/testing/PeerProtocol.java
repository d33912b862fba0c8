package org.creditbank.chaincode.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.ledger.queryresult.KV;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage.Type;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.DelState;
import org.hyperledger.fabric.protos.peer.GetHistoryForKey;
import org.hyperledger.fabric.protos.peer.GetState;
import org.hyperledger.fabric.protos.peer.GetStateByRange;
import org.hyperledger.fabric.protos.peer.GetStateMetadata;
import org.hyperledger.fabric.protos.peer.GetStateMultiple;
import org.hyperledger.fabric.protos.peer.GetStateMultipleResult;
import org.hyperledger.fabric.protos.peer.MetaDataKeys;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.PutState;
import org.hyperledger.fabric.protos.peer.PutStateMetadata;
import org.hyperledger.fabric.protos.peer.QueryResponse;
import org.hyperledger.fabric.protos.peer.QueryResultBytes;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.protos.peer.StateMetadata;
import org.hyperledger.fabric.protos.peer.StateMetadataResult;
import org.hyperledger.fabric.protos.peer.WriteBatchState;
import org.hyperledger.fabric.protos.peer.WriteRecord;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.impl.ChaincodeInvocationTask;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * The peer's side of the chaincode protocol, for unit tests: the real shim runs the contract
 * (its own stub, its own message task, exactly as under a peer) and every message it sends is
 * answered from an {@link InMemoryStub}, which keeps a peer's simulation semantics. So the
 * contract's batched writes and multi-key reads travel as the same protobuf messages a Fabric v3
 * peer receives, and tests see how many round trips a transaction takes.
 *
 * <p>Only the messages the contract uses are answered; anything else fails the transaction.
 */
final class PeerProtocol {

    private final InMemoryStub simulation;
    private final Map<Type, Integer> sent = new EnumMap<>(Type.class);
    private ChaincodeInvocationTask task;
    private ChaincodeMessage last;

    private PeerProtocol(InMemoryStub simulation) {
        this.simulation = simulation;
    }

    /** Runs one transaction through the shim and records its outcome on {@code simulation}. */
    static Map<Type, Integer> run(Chaincode chaincode, InMemoryStub simulation, TestIdentity caller, Instant time,
                                  List<String> args, Map<String, byte[]> transientData) {
        PeerProtocol peer = new PeerProtocol(simulation);
        peer.task = new ChaincodeInvocationTask(transaction(simulation, caller, time, args, transientData),
                Type.TRANSACTION, peer::answer, chaincode);
        peer.task.call();
        peer.finish();
        return peer.sent;
    }

    private void answer(ChaincodeMessage message) {
        sent.merge(message.getType(), 1, Integer::sum);
        if (message.getType() == Type.COMPLETED || message.getType() == Type.ERROR) {
            last = message;
            return;
        }
        ChaincodeMessage reply;
        try {
            reply = ChaincodeMessage.newBuilder().setType(Type.RESPONSE).setTxid(message.getTxid())
                    .setChannelId(message.getChannelId()).setPayload(handle(message)).build();
        } catch (RuntimeException | InvalidProtocolBufferException e) {
            reply = ChaincodeMessage.newBuilder().setType(Type.ERROR).setTxid(message.getTxid())
                    .setPayload(ByteString.copyFromUtf8(String.valueOf(e.getMessage()))).build();
        }
        try {
            task.postMessage(reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ByteString handle(ChaincodeMessage m) throws InvalidProtocolBufferException {
        ByteString p = m.getPayload();
        switch (m.getType()) {
            case GET_STATE -> {
                GetState get = GetState.parseFrom(p);
                return bytes(get.getCollection().isEmpty() ? simulation.getState(get.getKey())
                        : simulation.getPrivateData(get.getCollection(), get.getKey()));
            }
            case GET_STATE_MULTIPLE -> {
                GetStateMultiple get = GetStateMultiple.parseFrom(p);
                GetStateMultipleResult.Builder result = GetStateMultipleResult.newBuilder();
                get.getKeysList().forEach(key -> result.addValues(bytes(get.getCollection().isEmpty()
                        ? simulation.getState(key) : simulation.getPrivateData(get.getCollection(), key))));
                return result.build().toByteString();
            }
            case GET_PRIVATE_DATA_HASH -> {
                GetState get = GetState.parseFrom(p);
                return bytes(simulation.getPrivateDataHash(get.getCollection(), get.getKey()));
            }
            case GET_STATE_METADATA -> {
                byte[] parameter = simulation.getStateValidationParameter(GetStateMetadata.parseFrom(p).getKey());
                StateMetadataResult.Builder result = StateMetadataResult.newBuilder();
                if (parameter != null) {
                    result.addEntries(StateMetadata.newBuilder()
                            .setMetakey(MetaDataKeys.VALIDATION_PARAMETER.name()).setValue(bytes(parameter)));
                }
                return result.build().toByteString();
            }
            case GET_STATE_BY_RANGE -> {
                GetStateByRange range = GetStateByRange.parseFrom(p);
                QueryResponse.Builder result = QueryResponse.newBuilder().setHasMore(false).setId("range");
                try (QueryResultsIterator<KeyValue> it = simulation.getStateByRange(range.getStartKey(),
                        range.getEndKey())) {
                    it.forEach(kv -> result.addResults(QueryResultBytes.newBuilder().setResultBytes(
                            KV.newBuilder().setKey(kv.getKey()).setValue(bytes(kv.getValue())).build().toByteString())));
                }
                return result.build().toByteString();
            }
            case GET_HISTORY_FOR_KEY -> {
                QueryResponse.Builder result = QueryResponse.newBuilder().setHasMore(false).setId("history");
                try (QueryResultsIterator<KeyModification> it =
                             simulation.getHistoryForKey(GetHistoryForKey.parseFrom(p).getKey())) {
                    it.forEach(km -> result.addResults(QueryResultBytes.newBuilder().setResultBytes(
                            org.hyperledger.fabric.protos.ledger.queryresult.KeyModification.newBuilder()
                                    .setTxId(km.getTxId()).setValue(bytes(km.getValue()))
                                    .setIsDelete(km.isDeleted()).setTimestamp(timestamp(km.getTimestamp()))
                                    .build().toByteString())));
                }
                return result.build().toByteString();
            }
            case QUERY_STATE_CLOSE -> {
                return QueryResponse.newBuilder().setHasMore(false).build().toByteString();
            }
            case PUT_STATE -> {
                PutState put = PutState.parseFrom(p);
                put(put.getCollection(), put.getKey(), put.getValue());
                return ByteString.EMPTY;
            }
            case DEL_STATE -> {
                DelState del = DelState.parseFrom(p);
                put(del.getCollection(), del.getKey(), ByteString.EMPTY);
                return ByteString.EMPTY;
            }
            case PURGE_PRIVATE_DATA -> {
                DelState purge = DelState.parseFrom(p);
                simulation.purgePrivateData(purge.getCollection(), purge.getKey());
                return ByteString.EMPTY;
            }
            case PUT_STATE_METADATA -> {
                PutStateMetadata put = PutStateMetadata.parseFrom(p);
                putMetadata(put.getKey(), put.getMetadata());
                return ByteString.EMPTY;
            }
            case WRITE_BATCH_STATE -> {
                for (WriteRecord w : WriteBatchState.parseFrom(p).getRecList()) {
                    switch (w.getType()) {
                        case PUT_STATE -> put(w.getCollection(), w.getKey(), w.getValue());
                        case DEL_STATE -> put(w.getCollection(), w.getKey(), ByteString.EMPTY);
                        case PURGE_PRIVATE_DATA -> simulation.purgePrivateData(w.getCollection(), w.getKey());
                        case PUT_STATE_METADATA -> putMetadata(w.getKey(), w.getMetadata());
                        default -> throw new IllegalArgumentException("unknown write " + w.getType());
                    }
                }
                return ByteString.EMPTY;
            }
            default -> throw new IllegalArgumentException("the test peer does not answer " + m.getType());
        }
    }

    private void put(String collection, String key, ByteString value) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("empty key");
        }
        if (collection.isEmpty()) {
            simulation.putState(key, value.toByteArray());
        } else if (value.isEmpty()) {
            simulation.delPrivateData(collection, key);
        } else {
            simulation.putPrivateData(collection, key, value.toByteArray());
        }
    }

    private void putMetadata(String key, StateMetadata metadata) {
        if (!MetaDataKeys.VALIDATION_PARAMETER.name().equals(metadata.getMetakey())) {
            throw new IllegalArgumentException("unknown metadata " + metadata.getMetakey());
        }
        simulation.setStateValidationParameter(key, metadata.getValue().toByteArray());
    }

    /** Hands the chaincode's answer (and its event) to the simulation, as the peer's endorser would. */
    private void finish() {
        if (last == null) {
            throw new IllegalStateException("the shim sent no final message");
        }
        if (last.getType() == Type.ERROR) {
            simulation.lastResponse = new Chaincode.Response(500, last.getPayload().toStringUtf8(), null);
            return;
        }
        try {
            Response response = Response.parseFrom(last.getPayload());
            // protobuf has no null: an absent message arrives empty.
            simulation.lastResponse = new Chaincode.Response(response.getStatus(),
                    response.getMessage().isEmpty() ? null : response.getMessage(), response.getPayload().toByteArray());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
        if (last.hasChaincodeEvent()) {
            simulation.setEvent(last.getChaincodeEvent().getEventName(),
                    last.getChaincodeEvent().getPayload().toByteArray());
        }
    }

    /** The TRANSACTION message a peer sends: arguments plus a signed proposal naming the caller. */
    private static ChaincodeMessage transaction(InMemoryStub simulation, TestIdentity caller, Instant time,
                                                List<String> args, Map<String, byte[]> transientData) {
        ChaincodeInput.Builder input = ChaincodeInput.newBuilder();
        args.forEach(arg -> input.addArgs(ByteString.copyFromUtf8(arg)));
        ChaincodeProposalPayload.Builder payload = ChaincodeProposalPayload.newBuilder()
                .setInput(input.build().toByteString());
        transientData.forEach((k, v) -> payload.putTransientMap(k, ByteString.copyFrom(v)));
        Header header = Header.newBuilder()
                .setChannelHeader(ChannelHeader.newBuilder().setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                        .setChannelId(simulation.getChannelId()).setTxId(simulation.getTxId())
                        .setTimestamp(timestamp(time)).build().toByteString())
                .setSignatureHeader(SignatureHeader.newBuilder().setCreator(ByteString.copyFrom(caller.creator()))
                        .setNonce(ByteString.copyFromUtf8(simulation.getTxId())).build().toByteString())
                .build();
        Proposal proposal = Proposal.newBuilder().setHeader(header.toByteString())
                .setPayload(payload.build().toByteString()).build();
        return ChaincodeMessage.newBuilder().setType(Type.TRANSACTION).setTxid(simulation.getTxId())
                .setChannelId(simulation.getChannelId()).setPayload(input.build().toByteString())
                .setProposal(SignedProposal.newBuilder().setProposalBytes(proposal.toByteString())).build();
    }

    private static Timestamp timestamp(Instant time) {
        return Timestamp.newBuilder().setSeconds(time.getEpochSecond()).setNanos(time.getNano()).build();
    }

    private static ByteString bytes(byte[] value) {
        return value == null ? ByteString.EMPTY : ByteString.copyFrom(value);
    }
}
