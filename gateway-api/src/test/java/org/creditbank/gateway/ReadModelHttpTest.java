package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.gateway.readmodel.TestBlocks.block;
import static org.creditbank.gateway.readmodel.TestBlocks.key;
import static org.creditbank.gateway.readmodel.TestBlocks.outcome;
import static org.creditbank.gateway.readmodel.TestBlocks.put;

import java.nio.file.Path;
import java.time.Duration;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.readmodel.BlockFeed;
import org.creditbank.gateway.readmodel.GrowingChain;
import org.creditbank.gateway.readmodel.ReadModel;
import org.creditbank.gateway.readmodel.ReadModelService;
import org.creditbank.gateway.readmodel.TestBlocks;
import org.creditbank.gateway.readmodel.TestBlocks.Tx;
import org.creditbank.model.ObjectTypes;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read model's routes: a registrar lists its institution's outcomes; bad paging is a 400, never a 5xx. */
class ReadModelHttpTest {

    @TempDir
    Path dir;

    @Test
    void aRegistrarListsItsOwnOutcomesFromTheReadModel() throws Exception {
        ReadModel model = ReadModel.open("jdbc:h2:file:" + dir.resolve("readmodel"));
        GrowingChain chain = new GrowingChain(
                block(0, Tx.valid("a", write(outcome("CollegeMSP", "2026-1", "专业核心", "2026-07-01", OutcomeStatus.ACTIVE)),
                        write(outcome("CollegeMSP", "2026-2", "专业核心", "2026-07-01", OutcomeStatus.REVOKED)),
                        write(outcome("UniversityMSP", "U-1", "专业核心", "2026-07-01", OutcomeStatus.ACTIVE)))));
        try (BlockFeed feed = BlockFeed.start(model, chain, TestBlocks.CHAINCODE);
             TestGateway college = new TestGateway(new InProcessLedger(new InMemoryLedger()), "CollegeMSP", "gateway",
                     ReadModelService.on(model, "CollegeMSP"))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (model.nextBlock() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            String registrar = college.token(TokenRole.REGISTRAR, "registrar1", null);
            String verifier = college.token(TokenRole.VERIFIER, "gateway", null);

            var listed = college.get("/api/v1/outcomes?status=revoked&size=10", registrar);
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.json().at("/total").asLong()).isEqualTo(1);
            assertThat(listed.json().at("/items/0/id").asText()).isEqualTo("CollegeMSP:2026-2");
            assertThat(college.get("/api/v1/outcomes", registrar).json().at("/total").asLong()).isEqualTo(2);

            assertThat(college.get("/api/v1/outcomes?issuer=UniversityMSP", registrar).json().at("/code").asText())
                    .isEqualTo("ORG_NOT_ALLOWED");
            var tooBig = college.get("/api/v1/outcomes?size=" + (ReadModel.MAX_PAGE_SIZE + 1), registrar);
            assertThat(tooBig.status()).isEqualTo(400);
            assertThat(tooBig.json().at("/code").asText()).isEqualTo("INVALID_FIELD");
            assertThat(college.get("/api/v1/outcomes?page=-1", registrar).status()).isEqualTo(400);
            assertThat(college.get("/api/v1/outcomes?status=LOST", registrar).status()).isEqualTo(400);
            assertThat(college.get("/api/v1/outcomes", verifier).status()).isEqualTo(403);

            var status = college.get("/api/v1/read-model/status", verifier);
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.json().at("/lastBlock").asLong()).isZero();
            assertThat(status.json().at("/lag").asLong()).isZero();
        }
    }

    @Test
    void aGatewayWithoutAReadModelSaysSo() throws Exception {
        try (TestGateway college = new TestGateway(new InProcessLedger(new InMemoryLedger()), "CollegeMSP", "gateway",
                ReadModelService.off("CollegeMSP"))) {
            String registrar = college.token(TokenRole.REGISTRAR, "registrar1", null);
            var reply = college.get("/api/v1/read-model/status", registrar);
            assertThat(reply.status()).isEqualTo(501);
            assertThat(reply.json().at("/code").asText()).isEqualTo("READ_MODEL_NOT_CONFIGURED");
            assertThat(college.get("/api/v1/outcomes", registrar).status()).isEqualTo(501);
        }
    }

    private static org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite write(Outcome o) {
        return put(key(ObjectTypes.OUTCOME, o.issuer(), o.draft().localId()), o);
    }

}
