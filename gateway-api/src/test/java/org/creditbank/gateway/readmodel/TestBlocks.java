package org.creditbank.gateway.readmodel;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.outcome.Result;
import org.creditbank.model.recognition.CreditTarget;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionRequest;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** Blocks as a peer delivers them, built from the protobuf builders, and the records they carry. */
public final class TestBlocks {

    public static final String CHAINCODE = "creditbank";
    public static final String LEARNER = "CB7K2M9QH4TZ1XW8R0";

    private TestBlocks() {
    }

    /** One transaction of a block: its writes by namespace, and the peers' verdict on it. */
    public record Tx(String txId, TxValidationCode code, HeaderType type, Map<String, List<KVWrite>> writes) {

        public static Tx valid(String txId, KVWrite... writes) {
            return new Tx(txId, TxValidationCode.VALID, HeaderType.ENDORSER_TRANSACTION, Map.of(CHAINCODE, List.of(writes)));
        }

        Tx invalidated(TxValidationCode why) {
            return new Tx(txId, why, type, writes);
        }

        Tx alsoIn(String namespace, KVWrite... more) {
            Map<String, List<KVWrite>> all = new LinkedHashMap<>(writes);
            all.put(namespace, List.of(more));
            return new Tx(txId, code, type, all);
        }

        static Tx config(String txId) {
            return new Tx(txId, TxValidationCode.VALID, HeaderType.CONFIG, Map.of());
        }
    }

    public static Block block(long number, Tx... transactions) {
        BlockData.Builder data = BlockData.newBuilder();
        byte[] flags = new byte[transactions.length];
        for (int i = 0; i < transactions.length; i++) {
            data.addData(envelope(number, transactions[i]).toByteString());
            flags[i] = (byte) transactions[i].code().getNumber();
        }
        BlockMetadata.Builder metadata = BlockMetadata.newBuilder();
        for (int i = 0; i <= BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE; i++) {
            metadata.addMetadata(i == BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE ? ByteString.copyFrom(flags) : ByteString.EMPTY);
        }
        return Block.newBuilder().setHeader(BlockHeader.newBuilder().setNumber(number)).setData(data)
                .setMetadata(metadata).build();
    }

    private static Envelope envelope(long number, Tx tx) {
        ChannelHeader header = ChannelHeader.newBuilder().setType(tx.type().getNumber()).setTxId(tx.txId())
                .setChannelId("creditbank").setTimestamp(Timestamp.newBuilder().setSeconds(1_780_000_000L + number)).build();
        TxReadWriteSet.Builder rwset = TxReadWriteSet.newBuilder().setDataModel(TxReadWriteSet.DataModel.KV);
        tx.writes().forEach((namespace, writes) -> rwset.addNsRwset(NsReadWriteSet.newBuilder().setNamespace(namespace)
                .setRwset(KVRWSet.newBuilder().addAllWrites(writes).build().toByteString())));
        ChaincodeAction action = ChaincodeAction.newBuilder().setResults(rwset.build().toByteString()).build();
        ProposalResponsePayload response = ProposalResponsePayload.newBuilder().setExtension(action.toByteString()).build();
        ChaincodeActionPayload actionPayload = ChaincodeActionPayload.newBuilder()
                .setAction(ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(response.toByteString())).build();
        Transaction transaction = Transaction.newBuilder()
                .addActions(TransactionAction.newBuilder().setPayload(actionPayload.toByteString())).build();
        Payload payload = Payload.newBuilder().setHeader(Header.newBuilder().setChannelHeader(header.toByteString()))
                .setData(transaction.toByteString()).build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build();
    }

    public static String key(String type, String... attributes) {
        return new StateKey(type, List.of(attributes)).composite();
    }

    public static KVWrite put(String key, Object record) {
        byte[] value = record instanceof String text ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : CanonicalJson.toBytes(record);
        return KVWrite.newBuilder().setKey(key).setValue(ByteString.copyFrom(value)).build();
    }

    static KVWrite delete(String key) {
        return KVWrite.newBuilder().setKey(key).setIsDelete(true).build();
    }

    public static Outcome outcome(String issuer, String localId, String category, String activityEnd, OutcomeStatus status) {
        OutcomeDraft draft = new OutcomeDraft(localId, LEARNER, OutcomeKind.COURSE, "CNC101", "数控车床编程", category,
                new BigDecimal("3"), 48, null, new Result(Result.Scale.PASS_FAIL, "PASS"), "2026-03-01", activityEnd, null,
                "a".repeat(64), null);
        return new Outcome(issuer + ":" + localId, issuer, draft, Outcome.hashOf(issuer, draft), "2026-07-02T00:00:00Z",
                "tx-" + localId, status, status == OutcomeStatus.ACTIVE ? null : "why", status == OutcomeStatus.ACTIVE
                ? null : "2026-08-01T00:00:00Z", "registrar");
    }

    public static Recognition recognition(String recogniser, String localId, String... sources) {
        RecognitionRequest request = new RecognitionRequest(localId, LEARNER, List.of(sources),
                RecognitionRequest.Method.MANUAL, null, null, new CreditTarget("MEC201", "机械制造", null), new BigDecimal("2"),
                "syllabus matches");
        return Recognition.decided(recogniser + ":rec:" + localId, recogniser, request, request.target(),
                request.credits(), null, "2026-09-01T00:00:00Z", "tx-rec-" + localId, "registrar");
    }

    static List<Block> chain(Block... blocks) {
        return new ArrayList<>(List.of(blocks));
    }
}
