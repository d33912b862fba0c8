package org.creditbank.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.gateway.readmodel.TestBlocks.block;
import static org.creditbank.gateway.readmodel.TestBlocks.key;
import static org.creditbank.gateway.readmodel.TestBlocks.outcome;
import static org.creditbank.gateway.readmodel.TestBlocks.put;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.ledger.LedgerResult;
import org.creditbank.gateway.readmodel.TestBlocks.Tx;
import org.creditbank.model.ObjectTypes;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registrar who has just written through the gateway finds the write in its lists at once: a
 * list waits for the block the gateway's newest write committed in, though the feed applies it
 * later. Lists with no write of this gateway pending answer without waiting.
 */
class OwnWritesTest {

    private static final Outcome FIRST = outcome("CollegeMSP", "2026-1", "专业核心", "2026-07-01", OutcomeStatus.ACTIVE);
    private static final Outcome SECOND = outcome("CollegeMSP", "2026-2", "专业核心", "2026-07-01", OutcomeStatus.ACTIVE);

    @TempDir
    Path dir;

    @Test
    void aListAfterAWriteThroughThisGatewayShowsIt() throws Exception {
        ReadModel model = ReadModel.open("jdbc:h2:file:" + dir.resolve("readmodel"));
        GrowingChain peer = new GrowingChain();
        peer.add(block(0, Tx.valid("tx-0", write(FIRST))));
        ReadModelService service = ReadModelService.on(model, "CollegeMSP");
        // The ledger commits the registrar's write in block 1, which reaches the feed 300 ms later.
        LedgerClient ledger = service.seeingOwnWrites(new CommitsIn(1));
        try (BlockFeed feed = BlockFeed.start(model, peer, TestBlocks.CHAINCODE, Duration.ofMillis(10), Duration.ofMillis(50))) {
            assertThat(model.awaitBlock(0, Duration.ofSeconds(10))).isTrue();
            assertThat(service.outcomes(null, null, null, null, null, null, null).total()).isEqualTo(1);

            ledger.submit("registrar1", LedgerCall.of("outcome:issue"));
            CompletableFuture<Void> committed = CompletableFuture.runAsync(() -> peer.add(block(1, Tx.valid("tx-1",
                    write(SECOND)))), CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

            assertThat(service.outcomes(null, null, null, null, null, null, null).items())
                    .extracting(Outcome::id).containsExactly(FIRST.id(), SECOND.id());
            committed.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void waitingForABlockEndsWhenItIsAppliedOrTheTimeIsUp() throws Exception {
        ReadModel model = ReadModel.open("jdbc:h2:file:" + dir.resolve("readmodel"));
        GrowingChain peer = new GrowingChain();
        try (BlockFeed feed = BlockFeed.start(model, peer, TestBlocks.CHAINCODE, Duration.ofMillis(10), Duration.ofMillis(50))) {
            assertThat(model.awaitBlock(0, Duration.ofMillis(100))).isFalse();
            peer.add(block(0, Tx.valid("tx-0", write(FIRST))));
            assertThat(model.awaitBlock(0, Duration.ofSeconds(10))).isTrue();
            assertThat(model.awaitBlock(1, Duration.ofMillis(100))).isFalse();
        }
        // A model opened on the same database knows its last block without the feed.
        assertThat(ReadModel.open("jdbc:h2:file:" + dir.resolve("readmodel")).awaitBlock(0, Duration.ZERO)).isTrue();
    }

    private static org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite write(Outcome o) {
        return put(key(ObjectTypes.OUTCOME, o.issuer(), o.draft().localId()), o);
    }

    /** A ledger whose every write commits in one block. */
    private record CommitsIn(long block) implements LedgerClient {
        @Override
        public LedgerResult submit(String identity, LedgerCall call) {
            return LedgerResult.committed("{}", "tx-" + block, block);
        }

        @Override
        public String evaluate(String identity, LedgerCall call) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Simulation simulate(String identity, LedgerCall call) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

}
