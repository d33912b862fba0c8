package org.creditbank.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditbank.gateway.readmodel.TestBlocks.block;
import static org.creditbank.gateway.readmodel.TestBlocks.delete;
import static org.creditbank.gateway.readmodel.TestBlocks.key;
import static org.creditbank.gateway.readmodel.TestBlocks.put;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.List;
import org.creditbank.gateway.readmodel.BlockDecoder.BlockWrites;
import org.creditbank.gateway.readmodel.BlockDecoder.StateWrite;
import org.creditbank.gateway.readmodel.TestBlocks.Tx;
import org.creditbank.model.ObjectTypes;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

class BlockDecoderTest {

    private final BlockDecoder decoder = new BlockDecoder(TestBlocks.CHAINCODE);

    @Test
    void aValidTransactionsWritesAndDeletesInOurNamespaceComeOutInOrder() {
        String outcome = key(ObjectTypes.OUTCOME, "CollegeMSP", "2026-1");
        BlockWrites writes = decoder.decode(block(7, Tx.valid("t1", put(outcome, "{\"a\":1}"), delete("plain-key"))));

        assertThat(writes.number()).isEqualTo(7);
        assertThat(writes.lastTxIndex()).isZero();
        assertThat(writes.transactions()).hasSize(1);
        var tx = writes.transactions().get(0);
        assertThat(tx.txId()).isEqualTo("t1");
        assertThat(tx.index()).isZero();
        assertThat(tx.timestamp()).isEqualTo(Instant.ofEpochSecond(1_780_000_007L));
        assertThat(tx.writes()).containsExactly(new StateWrite(outcome, ByteString.copyFromUtf8("{\"a\":1}")),
                new StateWrite("plain-key", null));
        assertThat(tx.writes().get(1).deleted()).isTrue();
    }

    @Test
    void invalidatedTransactionsWroteNothing() {
        BlockWrites writes = decoder.decode(block(3,
                Tx.valid("lost", put("k1", "v1")).invalidated(TxValidationCode.MVCC_READ_CONFLICT),
                Tx.valid("won", put("k1", "v2")),
                Tx.valid("policy", put("k2", "v")).invalidated(TxValidationCode.ENDORSEMENT_POLICY_FAILURE)));

        assertThat(writes.transactions()).extracting(BlockDecoder.TxWrites::txId).containsExactly("won");
        assertThat(writes.transactions().get(0).index()).isEqualTo(1);
        assertThat(writes.lastTxIndex()).isEqualTo(2);
    }

    @Test
    void otherChaincodesNamespacesAndConfigTransactionsAreSkipped() {
        BlockWrites writes = decoder.decode(block(4,
                Tx.valid("both", put("ours", "1")).alsoIn("_lifecycle", put("theirs", "2")).alsoIn("other", put("x", "3")),
                new Tx("only-other", TxValidationCode.VALID, org.hyperledger.fabric.protos.common.HeaderType.ENDORSER_TRANSACTION,
                        java.util.Map.of("other", List.of(put("y", "4")))),
                Tx.config("config")));

        assertThat(writes.transactions()).hasSize(1);
        assertThat(writes.transactions().get(0).writes()).extracting(StateWrite::key).containsExactly("ours");
        assertThat(writes.lastTxIndex()).isEqualTo(2);
    }

    @Test
    void aTransactionWithoutAValidationFlagIsNotTakenAsValid() {
        Block full = block(5, Tx.valid("a", put("k", "v")), Tx.valid("b", put("k", "w")));
        Block shortFilter = full.toBuilder().setMetadata(full.getMetadata().toBuilder()
                .setMetadata(2, ByteString.copyFrom(new byte[] {0}))).build();

        assertThat(decoder.decode(shortFilter).transactions()).extracting(BlockDecoder.TxWrites::txId).containsExactly("a");
    }

    @Test
    void anEmptyBlockMovesTheCheckpointWithNoWrites() {
        Block empty = block(9).toBuilder().setData(BlockData.getDefaultInstance()).build();

        assertThat(decoder.decode(empty)).isEqualTo(new BlockWrites(9, -1, List.of()));
    }

    @Test
    void aValidTransactionThatCannotBeDecodedStopsTheFeedInsteadOfLosingItsWrites() {
        Block good = block(6, Tx.valid("a", put("k", "v")));
        Block broken = good.toBuilder().setData(BlockData.newBuilder().addData(ByteString.copyFromUtf8("not a protobuf"))).build();

        assertThatThrownBy(() -> decoder.decode(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("block 6 transaction 0");
    }

    @Test
    void compositeKeysComeApartIntoTypeAndAttributes() {
        assertThat(StateKey.parse(key(ObjectTypes.MAJOR, "SchoolMSP", "460104", "00002")))
                .isEqualTo(new StateKey("major", List.of("SchoolMSP", "460104", "00002")));
        assertThat(StateKey.parse("simple")).isEqualTo(new StateKey("", List.of("simple")));
        assertThat(StateKey.parse(key("x~y", "a", "")).attributes()).containsExactly("a", "");
    }
}
