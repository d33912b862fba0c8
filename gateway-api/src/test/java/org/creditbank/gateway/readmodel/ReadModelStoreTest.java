package org.creditbank.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditbank.gateway.readmodel.TestBlocks.block;
import static org.creditbank.gateway.readmodel.TestBlocks.delete;
import static org.creditbank.gateway.readmodel.TestBlocks.key;
import static org.creditbank.gateway.readmodel.TestBlocks.outcome;
import static org.creditbank.gateway.readmodel.TestBlocks.put;
import static org.creditbank.gateway.readmodel.TestBlocks.recognition;

import com.google.protobuf.ByteString;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.creditbank.gateway.readmodel.ReadModel.OutcomeFilter;
import org.creditbank.gateway.readmodel.ReadModel.WithdrawnSource;
import org.creditbank.gateway.readmodel.TestBlocks.Tx;
import org.creditbank.model.ObjectTypes;
import org.creditbank.model.demand.CodeList;
import org.creditbank.model.demand.DemandRequest;
import org.creditbank.model.demand.MajorTerms;
import org.creditbank.model.demand.PublishedThresholds;
import org.creditbank.model.demand.SchoolMajor;
import org.creditbank.model.demand.SupplyCount;
import org.creditbank.model.demand.TalentDemand;
import org.creditbank.model.demand.WarningThresholds;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.recognition.ApplicationRequest;
import org.creditbank.model.recognition.ApplicationStatus;
import org.creditbank.model.recognition.RecognitionApplication;
import org.creditbank.model.teacher.TeacherAppointment;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The read model on both stores a member may run: the embedded H2 file and PostgreSQL. */
class ReadModelStoreTest {

    private static final String COLLEGE = "CollegeMSP";
    private static final String UNIVERSITY = "UniversityMSP";
    private static final BlockDecoder DECODER = new BlockDecoder(TestBlocks.CHAINCODE);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TemporaryPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TemporaryPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    /** A new, empty database on the store. */
    private String freshUrl(String store) throws SQLException {
        if (store.equals("h2")) {
            return "jdbc:h2:file:" + dir.resolve("readmodel-" + DATABASES.incrementAndGet());
        }
        String name = "readmodel_" + DATABASES.incrementAndGet();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl()); Statement s = db.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return postgres.jdbcUrl().replace("/postgres?", "/" + name + "?");
    }

    private static void feed(ReadModel model, Block... blocks) {
        for (Block b : blocks) {
            assertThat(model.apply(DECODER.decode(b), () -> { })).as("block %d applied", b.getHeader().getNumber()).isTrue();
        }
    }

    private static KVWrite outcomeWrite(Outcome o) {
        return put(key(ObjectTypes.OUTCOME, o.issuer(), o.draft().localId()), o);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void outcomesAreListedByIssuerWithFiltersAndPages(String store) throws Exception {
        ReadModel model = ReadModel.open(freshUrl(store));
        List<KVWrite> writes = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            writes.add(outcomeWrite(outcome(COLLEGE, "2026-" + i, i % 2 == 0 ? "6-18-01-01" : "专业核心", "2026-07-01",
                    i == 7 ? OutcomeStatus.SUSPENDED : OutcomeStatus.ACTIVE)));
        }
        writes.add(outcomeWrite(outcome(UNIVERSITY, "U-1", "专业核心", "2026-07-01", OutcomeStatus.ACTIVE)));
        feed(model, block(0, Tx.valid("t0", writes.toArray(KVWrite[]::new))));

        var all = model.outcomes(new OutcomeFilter(COLLEGE, null, null, null, null), 0, 3);
        assertThat(all.total()).isEqualTo(7);
        assertThat(all.items()).extracting(Outcome::id).containsExactly("CollegeMSP:2026-1", "CollegeMSP:2026-2",
                "CollegeMSP:2026-3");
        assertThat(model.outcomes(new OutcomeFilter(COLLEGE, null, null, null, null), 2, 3).items())
                .extracting(Outcome::id).containsExactly("CollegeMSP:2026-7");
        assertThat(model.outcomes(new OutcomeFilter(COLLEGE, OutcomeStatus.SUSPENDED, null, null, null), 0, 10).items())
                .extracting(Outcome::id).containsExactly("CollegeMSP:2026-7");
        assertThat(model.outcomes(new OutcomeFilter(COLLEGE, null, TestBlocks.LEARNER, "6-18-01-01", null), 0, 10).total())
                .isEqualTo(3);
        assertThat(model.outcomes(new OutcomeFilter(COLLEGE, null, "CB0000000000000000", null, null), 0, 10).total())
                .isZero();
        assertThat(model.outcomes(new OutcomeFilter(COLLEGE, null, null, null, "tx-2026-4"), 0, 10).items())
                .extracting(Outcome::id).containsExactly("CollegeMSP:2026-4");
        // The answer is the ledger's record itself.
        Outcome first = outcome(COLLEGE, "2026-1", "专业核心", "2026-07-01", OutcomeStatus.ACTIVE);
        assertThat(all.items().get(0)).isEqualTo(first);
        assertThatThrownBy(() -> model.outcomes(new OutcomeFilter(COLLEGE, null, null, null, null), 0,
                ReadModel.MAX_PAGE_SIZE + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRevokedSourceNotifiesTheRecognisingInstitutionWithTheBlockItHappenedIn(String store) throws Exception {
        ReadModel model = ReadModel.open(freshUrl(store));
        Outcome a = outcome(COLLEGE, "2026-1", "专业核心", "2026-07-01", OutcomeStatus.ACTIVE);
        Outcome b = outcome(COLLEGE, "2026-2", "专业核心", "2026-07-01", OutcomeStatus.ACTIVE);
        var rec = recognition(UNIVERSITY, "R-1", a.id(), b.id());
        feed(model, block(0, Tx.valid("issue", outcomeWrite(a), outcomeWrite(b))),
                block(1, Tx.valid("recognise", put(key(ObjectTypes.RECOGNITION, rec.id()), rec))));
        assertThat(model.withdrawnSources(UNIVERSITY)).isEmpty();
        assertThat(model.recognitionsBy(UNIVERSITY, 0, 10).items()).containsExactly(rec);

        Outcome revoked = a.withStatus(OutcomeStatus.REVOKED, "issued in error", "2026-10-01T08:00:00Z", "registrar");
        feed(model, block(2, Tx.valid("revoke", outcomeWrite(revoked))),
                block(3, Tx.valid("unrelated", put("other", "x"))));

        assertThat(model.withdrawnSources(UNIVERSITY)).containsExactly(new WithdrawnSource(rec.id(), a.id(),
                OutcomeStatus.REVOKED, "issued in error", "2026-10-01T08:00:00Z", 2));
        assertThat(model.withdrawnSources(COLLEGE)).isEmpty();
        assertThat(model.outcomes(new OutcomeFilter(COLLEGE, OutcomeStatus.REVOKED, null, null, null), 0, 10).items())
                .containsExactly(revoked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theSqlSupplyCountEqualsTheModelsTally(String store) throws Exception {
        ReadModel model = ReadModel.open(freshUrl(store));
        List<String> occupations = List.copyOf(CodeList.OCCUPATIONS.all().keySet()).subList(0, 3);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String category = i % 10 == 9 ? "专业核心" : occupations.get(i % 3);
            String end = "2026-" + String.format("%02d", 1 + i % 12) + "-15";
            outcomes.add(outcome(COLLEGE, "S-" + i, category, end, i % 7 == 0 ? OutcomeStatus.REVOKED : OutcomeStatus.ACTIVE));
        }
        outcomes.add(outcome(UNIVERSITY, "S-x", occupations.get(0), "2027-01-02", OutcomeStatus.ACTIVE));
        feed(model, block(0, Tx.valid("t", outcomes.stream().map(ReadModelStoreTest::outcomeWrite).toArray(KVWrite[]::new))));

        List<SupplyCount> sql = model.supply();
        assertThat(sql).isEqualTo(SupplyCount.tally(outcomes));
        assertThat(sql).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void demandMajorsThresholdsAndTeachersAreProjected(String store) throws Exception {
        ReadModel model = ReadModel.open(freshUrl(store));
        String welder = CodeList.OCCUPATIONS.all().keySet().iterator().next();
        TalentDemand demand = TalentDemand.published("HardwareCoMSP:dem:D-1", "HardwareCoMSP",
                new DemandRequest("D-1", welder, 30, "440000", "2027-Q1", null), "2026-01-01T00:00:00Z", "tx", "hr");
        SchoolMajor v1 = new SchoolMajor(COLLEGE, new MajorTerms("460104", "焊接技术", 1, List.of(welder)), "t1", "tx1", "r");
        SchoolMajor v2 = new SchoolMajor(COLLEGE, new MajorTerms("460104", "焊接技术与自动化", 2, List.of(welder)), "t2", "tx2", "r");
        PublishedThresholds t1 = new PublishedThresholds("AuthorityMSP", new WarningThresholds(1, "一", new BigDecimal("0.5"),
                new BigDecimal("0.8"), new BigDecimal("1.2"), new BigDecimal("1.5"), 4), "t", "tx", "a");
        PublishedThresholds t2 = new PublishedThresholds("AuthorityMSP", new WarningThresholds(2, "二", new BigDecimal("0.4"),
                new BigDecimal("0.8"), new BigDecimal("1.2"), new BigDecimal("1.6"), 4), "t", "tx", "a");
        TeacherAppointment teacher = TeacherAppointment.appointed("CB7K2M9QH4TZ1XW8R0", COLLEGE, "t", "tx", "r");
        TeacherAppointment other = TeacherAppointment.appointed("CB0000000000000000", COLLEGE, "t", "tx", "r");
        feed(model, block(0, Tx.valid("a",
                        put(key(ObjectTypes.DEMAND, "HardwareCoMSP", "D-1"), demand),
                        put(key(ObjectTypes.MAJOR, COLLEGE, "460104", "00001"), v1),
                        put(key(ObjectTypes.WARNING_THRESHOLDS, "00001"), t1),
                        put(key(ObjectTypes.TEACHER, teacher.accountNo()), teacher),
                        put(key(ObjectTypes.TEACHER, other.accountNo()), other))),
                block(1, Tx.valid("b",
                        put(key(ObjectTypes.DEMAND, "HardwareCoMSP", "D-1"), demand.withdrawn("filled", "t", "tx", "hr")),
                        put(key(ObjectTypes.MAJOR, COLLEGE, "460104", "00002"), v2),
                        put(key(ObjectTypes.WARNING_THRESHOLDS, "00002"), t2),
                        put(key(ObjectTypes.TEACHER, other.accountNo()), other.ended("left", "t", "r")))));

        assertThat(model.talentDemand()).containsExactly(demand.withdrawn("filled", "t", "tx", "hr"));
        assertThat(model.majors()).containsExactly(v2);
        assertThat(model.currentThresholds()).contains(t2);
        assertThat(model.appointedTeachers(COLLEGE)).containsExactly(teacher);
        assertThat(model.appointedTeachers(UNIVERSITY)).isEmpty();
    }

    private static RecognitionApplication application(String institution, String localId, String appliedAt) {
        ApplicationRequest request = new ApplicationRequest(localId, TestBlocks.LEARNER, List.of("CollegeMSP:2026-1"),
                null, null, "我在高职修读了数控课程");
        return new RecognitionApplication(institution + ":app:" + localId, institution, request, ApplicationStatus.PENDING,
                appliedAt, "tx-app-" + localId, null, null, null, "learner");
    }

    private static KVWrite applicationWrite(RecognitionApplication a) {
        return put(key(ObjectTypes.APPLICATION, a.institution(), a.request().localId()), a);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theApplicationsMadeToAnInstitutionAreItsQueueOldestFirstUntilDecided(String store) throws Exception {
        ReadModel model = ReadModel.open(freshUrl(store));
        RecognitionApplication later = application(UNIVERSITY, "A-2", "2026-09-02T08:00:00Z");
        RecognitionApplication earlier = application(UNIVERSITY, "A-1", "2026-09-01T08:00:00Z");
        RecognitionApplication elsewhere = application(COLLEGE, "A-3", "2026-09-01T07:00:00Z");
        feed(model, block(0, Tx.valid("a", applicationWrite(later), applicationWrite(earlier), applicationWrite(elsewhere))),
                block(1, Tx.valid("b", applicationWrite(later.decided(ApplicationStatus.REJECTED, "2026-09-03T08:00:00Z",
                        "no matching course", null, "registrar")))));

        assertThat(model.applicationsTo(UNIVERSITY, ApplicationStatus.PENDING, 0, 10).items())
                .extracting(RecognitionApplication::id).containsExactly(earlier.id());
        ReadModel.Page<RecognitionApplication> all = model.applicationsTo(UNIVERSITY, null, 0, 1);
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.items()).extracting(RecognitionApplication::id).containsExactly(earlier.id());
        assertThat(model.applicationsTo(UNIVERSITY, null, 1, 1).items().get(0).status()).isEqualTo(ApplicationStatus.REJECTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void applicationsAnOlderGatewayKeptAsPlainValuesMoveToTheirTableWhenTheReadModelOpens(String store) throws Exception {
        String url = freshUrl(store);
        ReadModel.open(url);
        RecognitionApplication kept = application(UNIVERSITY, "OLD-1", "2026-08-01T08:00:00Z");
        try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement()) {
            s.execute("INSERT INTO rm_state (object_type, attributes, state_value, value_encoding, block_number, tx_index,"
                    + " deleted) VALUES ('application', '[\"UniversityMSP\",\"OLD-1\"]', '"
                    + CanonicalJson.toJson(kept) + "', 'utf8', 7, 0, FALSE)");
        }

        ReadModel reopened = ReadModel.open(url);
        assertThat(reopened.applicationsTo(UNIVERSITY, ApplicationStatus.PENDING, 0, 10).items()).containsExactly(kept);
        assertThat(rows(url, "SELECT object_type FROM rm_state")).isEmpty();
        assertThat(rows(url, "SELECT block_number FROM rm_application")).containsExactly("7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyOtherKeyKeepsItsLatestValueAndItsDeletion(String store) throws Exception {
        String url = freshUrl(store);
        ReadModel model = ReadModel.open(url);
        String index = key("learner~outcome", TestBlocks.LEARNER, "CollegeMSP:2026-1");
        KVWrite binary = KVWrite.newBuilder().setKey(key("blob", "1")).setValue(ByteString.copyFrom(new byte[] {0, -1, 2}))
                .build();
        feed(model, block(0, Tx.valid("a", put(index, "CollegeMSP:2026-1"), put("simple", "v1"), binary)),
                block(1, Tx.valid("b", put("simple", "v2")), Tx.valid("c", delete(index))));

        assertThat(rows(url, "SELECT object_type, attributes, state_value, value_encoding, block_number, tx_index, deleted"
                + " FROM rm_state ORDER BY object_type, attributes")).containsExactly(
                "|[\"simple\"]|v2|utf8|1|0|false",
                "blob|[\"1\"]|AP8C|base64|0|0|false",
                "learner~outcome|[\"CB7K2M9QH4TZ1XW8R0\",\"CollegeMSP:2026-1\"]|null|none|1|1|true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aBlockIsAppliedExactlyOnceAndNeverPastAGap(String store) throws Exception {
        ReadModel model = ReadModel.open(freshUrl(store));
        Outcome a = outcome(COLLEGE, "2026-1", "专业核心", "2026-07-01", OutcomeStatus.ACTIVE);
        Block first = block(0, Tx.valid("issue", outcomeWrite(a)));
        feed(model, first);

        assertThat(model.apply(DECODER.decode(first), () -> { })).isFalse();
        assertThatThrownBy(() -> model.apply(DECODER.decode(block(2, Tx.valid("x", put("k", "v")))), () -> { }))
                .hasMessageContaining("block 2 arrived before block 1");
        assertThat(model.nextBlock()).isEqualTo(1);
        assertThat(model.outcomes(new OutcomeFilter(COLLEGE, null, null, null, null), 0, 10).total()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aStopAfterTheWritesButBeforeTheCommitLeavesNeitherTheWritesNorTheCheckpoint(String store) throws Exception {
        String url = freshUrl(store);
        ReadModel model = ReadModel.open(url);
        Outcome a = outcome(COLLEGE, "2026-1", "专业核心", "2026-07-01", OutcomeStatus.ACTIVE);
        Outcome b = outcome(COLLEGE, "2026-2", "专业核心", "2026-07-01", OutcomeStatus.ACTIVE);
        feed(model, block(0, Tx.valid("one", outcomeWrite(a))));
        Block second = block(1, Tx.valid("two", outcomeWrite(b), outcomeWrite(a.withStatus(OutcomeStatus.REVOKED, "x", "t", "r"))));

        assertThatThrownBy(() -> model.apply(DECODER.decode(second), () -> {
            throw new IllegalStateException("the process dies here");
        })).hasMessage("the process dies here");

        ReadModel restarted = ReadModel.open(url);
        assertThat(restarted.nextBlock()).isEqualTo(1);
        assertThat(restarted.outcomes(new OutcomeFilter(COLLEGE, null, null, null, null), 0, 10).items()).containsExactly(a);
        feed(restarted, second);
        assertThat(restarted.outcomes(new OutcomeFilter(COLLEGE, null, null, null, null), 0, 10).items())
                .extracting(Outcome::status).containsExactly(OutcomeStatus.REVOKED, OutcomeStatus.ACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRestartedFeedResumesAfterItsCheckpointWithNoDuplicateAndNoGap(String store) throws Exception {
        String url = freshUrl(store);
        List<Block> chain = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            Outcome o = outcome(COLLEGE, "B-" + n, "专业核心", "2026-07-01", OutcomeStatus.ACTIVE);
            Tx lost = Tx.valid("lost-" + n, outcomeWrite(outcome(COLLEGE, "L-" + n, "专业核心", "2026-07-01",
                    OutcomeStatus.ACTIVE))).invalidated(TxValidationCode.MVCC_READ_CONFLICT);
            chain.add(block(n, lost, Tx.valid("tx-" + n, outcomeWrite(o))));
        }
        ListedBlocks source = new ListedBlocks(chain);

        // First run: the stream breaks after block 3 (the peer restarted); the feed reconnects, then is stopped after block 5.
        source.breakAfter = 3;
        source.endAfter = 5;
        ReadModel model = ReadModel.open(url);
        try (BlockFeed feed = BlockFeed.start(model, source, TestBlocks.CHAINCODE, Duration.ofMillis(10), Duration.ofMillis(50))) {
            awaitNext(model, 6);
        }
        // Second run, a new process on the same database: it asks for block 6 and goes on to the end.
        source.breakAfter = -1;
        source.endAfter = -1;
        ReadModel restarted = ReadModel.open(url);
        try (BlockFeed feed = BlockFeed.start(restarted, source, TestBlocks.CHAINCODE, Duration.ofMillis(10), Duration.ofMillis(50))) {
            awaitNext(restarted, 10);
        }

        assertThat(source.requestedFrom.subList(0, 2)).containsExactly(0L, 4L);
        assertThat(source.requestedFrom).contains(6L).doesNotContain(1L, 2L, 3L, 5L);
        var all = restarted.outcomes(new OutcomeFilter(COLLEGE, null, null, null, null), 0, 100);
        assertThat(all.total()).isEqualTo(10);
        assertThat(all.items()).extracting(Outcome::id).allMatch(id -> id.startsWith("CollegeMSP:B-"));
        assertThat(restarted.status()).isEqualTo(new ReadModel.Status(9L, 10, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRebuildStartsOverFromBlockZero(String store) throws Exception {
        ReadModel model = ReadModel.open(freshUrl(store));
        feed(model, block(0, Tx.valid("issue", outcomeWrite(outcome(COLLEGE, "2026-1", "专业核心", "2026-07-01",
                OutcomeStatus.ACTIVE)))));
        assertThat(model.status().lastBlock()).isZero();

        model.rebuild();

        assertThat(model.nextBlock()).isZero();
        assertThat(model.status().lastBlock()).isNull();
        assertThat(model.outcomes(new OutcomeFilter(COLLEGE, null, null, null, null), 0, 10).total()).isZero();
    }

    private static void awaitNext(ReadModel model, long next) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (model.nextBlock() < next && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(model.nextBlock()).isGreaterThanOrEqualTo(next);
    }

    private static List<String> rows(String url, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(String.valueOf(rs.getObject(c)));
                }
                rows.add(String.join("|", row));
            }
        }
        return rows;
    }

    /**
     * A peer serving a fixed chain: the stream it opens ends ({@code endAfter}, the feed is stopped
     * there) or breaks ({@code breakAfter}, the connection drops) after the given block, then waits.
     */
    private static final class ListedBlocks implements BlockSource {
        private final List<Block> chain;
        final List<Long> requestedFrom = new CopyOnWriteArrayList<>();
        volatile long breakAfter = -1;
        volatile long endAfter = -1;

        ListedBlocks(List<Block> chain) {
            this.chain = chain;
        }

        @Override
        public long height() {
            return chain.size();
        }

        @Override
        public CloseableIterator<Block> blocksFrom(long firstBlock) {
            requestedFrom.add(firstBlock);
            long breakAt = breakAfter;
            breakAfter = -1;
            Iterator<Block> blocks = chain.subList((int) firstBlock, chain.size()).iterator();
            return new CloseableIterator<>() {
                private volatile boolean closed;
                private long last = firstBlock - 1;

                @Override
                public boolean hasNext() {
                    if (last == breakAt) {
                        throw new IllegalStateException("connection dropped");
                    }
                    while (!closed && (last == endAfter || !blocks.hasNext())) {
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return false;
                        }
                    }
                    return !closed;
                }

                @Override
                public Block next() {
                    Block b = blocks.next();
                    last = b.getHeader().getNumber();
                    return b;
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }
    }
}
