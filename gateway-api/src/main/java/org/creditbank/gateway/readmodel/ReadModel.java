package org.creditbank.gateway.readmodel;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.creditbank.gateway.readmodel.BlockDecoder.BlockWrites;
import org.creditbank.gateway.readmodel.BlockDecoder.TxWrites;
import org.creditbank.model.ObjectTypes;
import org.creditbank.model.demand.PublishedThresholds;
import org.creditbank.model.demand.SchoolMajor;
import org.creditbank.model.demand.SupplyCount;
import org.creditbank.model.demand.TalentDemand;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.recognition.ApplicationStatus;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionApplication;
import org.creditbank.model.teacher.AppointmentStatus;
import org.creditbank.model.teacher.TeacherAppointment;

/**
 * The institution's read model on one JDBC database (an H2 file by default, PostgreSQL where a
 * member runs one): the channel's public records as of the last block applied, and every query
 * that lists, searches or counts them. The answers are the ledger's records as they were written
 * (their canonical JSON), at most a few blocks behind: a caller that must be sure (a verifier)
 * still reads the ledger itself.
 *
 * <p>A block's writes and the checkpoint move in one database transaction, so after any stop the
 * feed resumes at the block after the checkpoint: each block is applied exactly once.
 */
public final class ReadModel {

    /** The most items one page of any list holds; the API's {@code size} is bounded by it. */
    public static final int MAX_PAGE_SIZE = 100;

    private final String url;
    private final AtomicLong channelHeight = new AtomicLong();
    /** The last block in the database (-1 before the first), kept here so waiting for one costs no query. */
    private long lastApplied = -1;
    private final Object progress = new Object();

    private ReadModel(String url) {
        this.url = url;
    }

    /** Opens (and creates, if new) the read model at a JDBC URL. */
    public static ReadModel open(String jdbcUrl) {
        ReadModel model = new ReadModel(jdbcUrl);
        model.inTransaction(db -> {
            Schema.create(db);
            adoptGenericRows(db, ObjectTypes.APPLICATION);
        });
        model.lastBlock().ifPresent(model::appliedThrough);
        return model;
    }

    /**
     * Moves the rows of {@code objectType} that a gateway before its typed table kept in the generic
     * one into that table, at their own block: an existing read model gains the table without a rebuild.
     */
    private static void adoptGenericRows(Connection db, String objectType) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement("SELECT attributes, state_value, block_number FROM rm_state"
                + " WHERE object_type = ? AND deleted = FALSE AND value_encoding = 'utf8'")) {
            statement.setString(1, objectType);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)});
                }
            }
        }
        for (Object[] row : rows) {
            List<String> attributes = List.of(CanonicalJson.read((String) row[0], String[].class));
            boolean moved = new Projections(db, (long) row[2]).adopt(new StateKey(objectType, attributes),
                    ((String) row[1]).getBytes(StandardCharsets.UTF_8));
            if (moved) {
                update(db, "DELETE FROM rm_state WHERE object_type = ? AND attributes = ?", objectType, row[0]);
            }
        }
    }

    /** Drops every table and starts again empty: the feed then replays the channel from block 0. */
    public void rebuild() {
        inTransaction(db -> {
            Schema.drop(db);
            Schema.create(db);
        });
        synchronized (progress) {
            lastApplied = -1;
        }
    }

    /**
     * Waits until the read model holds block {@code block}, at most {@code max}: a caller that just
     * wrote in that block then lists what it wrote (see {@link ReadModelService#seeingOwnWrites}).
     *
     * @return whether the block is applied
     */
    public boolean awaitBlock(long block, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (progress) {
            while (lastApplied < block) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void appliedThrough(long block) {
        synchronized (progress) {
            lastApplied = Math.max(lastApplied, block);
            progress.notifyAll();
        }
    }

    /** The next block to apply: the one after the checkpoint, 0 on an empty read model. */
    public long nextBlock() {
        return lastBlock().map(b -> b + 1).orElse(0L);
    }

    /** How far the read model is: its last block, the channel height it last heard of, and the blocks it lacks. */
    public Status status() {
        Optional<Long> last = lastBlock();
        long applied = last.map(b -> b + 1).orElse(0L);
        long height = Math.max(channelHeight.get(), applied);
        return new Status(last.orElse(null), height, height - applied);
    }

    /** What the feed learned of the channel's height (blocks 0 to height - 1 exist). */
    void channelHeightIs(long height) {
        channelHeight.accumulateAndGet(height, Math::max);
    }

    /**
     * Applies one block, exactly once: a block at or below the checkpoint is skipped (the feed may
     * be sent it again after a reconnect), one past the next block is refused (a gap would lose
     * writes). {@code beforeCommit} runs after the writes, inside the transaction (tests stop there).
     *
     * @return whether the block was applied now
     */
    boolean apply(BlockWrites block, Runnable beforeCommit) {
        boolean[] applied = {false};
        inTransaction(db -> {
            long next = lastBlock(db).map(b -> b + 1).orElse(0L);
            if (block.number() < next) {
                return;
            }
            if (block.number() > next) {
                throw new IllegalStateException("block " + block.number() + " arrived before block " + next);
            }
            Projections projections = new Projections(db, block.number());
            for (TxWrites tx : block.transactions()) {
                projections.apply(tx);
            }
            int changed = update(db, "UPDATE rm_checkpoint SET block_number = ?, tx_index = ? WHERE id = 1",
                    block.number(), block.lastTxIndex());
            if (changed == 0) {
                update(db, "INSERT INTO rm_checkpoint (id, block_number, tx_index) VALUES (1, ?, ?)",
                        block.number(), block.lastTxIndex());
            }
            beforeCommit.run();
            applied[0] = true;
        });
        appliedThrough(block.number());
        channelHeightIs(block.number() + 1);
        return applied[0];
    }

    /** An issuer's outcomes that match the filter, in id order. */
    public Page<Outcome> outcomes(OutcomeFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE issuer = ?");
        List<Object> parameters = new ArrayList<>(List.of(filter.issuer()));
        condition(where, parameters, "status", filter.status() == null ? null : filter.status().name());
        condition(where, parameters, "learner", filter.learner());
        condition(where, parameters, "category", filter.category());
        condition(where, parameters, "batch", filter.batch());
        return page("rm_outcome", where.toString(), parameters, "id", page, size, Outcome.class);
    }

    /** The recognition applications made to {@code institution}, oldest first; all of them when {@code status} is null. */
    public Page<RecognitionApplication> applicationsTo(String institution, ApplicationStatus status, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE institution = ?");
        List<Object> parameters = new ArrayList<>(List.of(institution));
        condition(where, parameters, "status", status == null ? null : status.name());
        return page("rm_application", where.toString(), parameters, "applied_at, id", page, size, RecognitionApplication.class);
    }

    /** The recognitions {@code recogniser} decided, in id order. */
    public Page<Recognition> recognitionsBy(String recogniser, int page, int size) {
        return page("rm_recognition", " WHERE recogniser = ?", List.of(recogniser), "id", page, size, Recognition.class);
    }

    /**
     * The supply the read model's outcomes give, counted in SQL: the same list {@link SupplyCount#tally}
     * makes of the same outcomes.
     */
    public List<SupplyCount> supply() {
        return supply(null);
    }

    /** {@link #supply()} of the outcomes {@code issuer} issued; null counts every issuer's. */
    public List<SupplyCount> supply(String issuer) {
        List<SupplyCount> counts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>(List.of(OutcomeStatus.ACTIVE.name(), true));
        if (issuer != null) {
            parameters.add(issuer);
        }
        query("SELECT category, supply_quarter, COUNT(*) FROM rm_outcome WHERE status = ? AND occupation = ?"
                        + (issuer == null ? "" : " AND issuer = ?") + " GROUP BY category, supply_quarter", parameters,
                rs -> counts.add(new SupplyCount(rs.getString(1), rs.getString(2), rs.getLong(3))));
        counts.sort(SupplyCount.ORDER);
        return counts;
    }

    /** Every published version of {@code school}'s majors (null: every school's), by school, code and version. */
    public List<SchoolMajor> majorVersions(String school) {
        return records("SELECT record_json FROM rm_major" + (school == null ? "" : " WHERE school = ?")
                + " ORDER BY school, major_code, version", school == null ? List.of() : List.of(school), SchoolMajor.class);
    }

    /** Every version of the warning thresholds, oldest first. */
    public List<PublishedThresholds> thresholdVersions() {
        return records("SELECT record_json FROM rm_thresholds ORDER BY version", List.of(), PublishedThresholds.class);
    }

    /** Every outcome issued to these accounts, by any institution, by account and id. */
    public List<Outcome> outcomesOf(Collection<String> learners) {
        if (learners.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(learners.size(), "?"));
        return records("SELECT record_json FROM rm_outcome WHERE learner IN (" + marks + ") ORDER BY learner, id",
                new ArrayList<>(learners), Outcome.class);
    }

    /**
     * The latest values of the records of {@code objectType} whose first key attribute is
     * {@code first}, read as {@code type}, in key order: for record types without a table of their own.
     */
    public <T> List<T> stateRecords(String objectType, String first, Class<T> type) {
        String prefix = CanonicalJson.toJson(List.of(first));
        String like = prefix.substring(0, prefix.length() - 1).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + ",%";
        return records("SELECT state_value FROM rm_state WHERE object_type = ? AND deleted = ? AND value_encoding = ?"
                + " AND attributes LIKE ? ESCAPE '\\' ORDER BY attributes", List.of(objectType, false, "utf8", like), type);
    }

    /** Every talent demand on the channel as it stands now (withdrawn ones too), in id order. */
    public List<TalentDemand> talentDemand() {
        return records("SELECT record_json FROM rm_demand ORDER BY id", List.of(), TalentDemand.class);
    }

    /** The latest version of every school's every major. */
    public List<SchoolMajor> majors() {
        return records("SELECT m.record_json FROM rm_major m WHERE m.version = (SELECT MAX(x.version) FROM rm_major x"
                + " WHERE x.school = m.school AND x.major_code = m.major_code) ORDER BY m.school, m.major_code",
                List.of(), SchoolMajor.class);
    }

    /** The warning thresholds in force: the latest version published. */
    public Optional<PublishedThresholds> currentThresholds() {
        return records("SELECT record_json FROM rm_thresholds WHERE version = (SELECT MAX(version) FROM rm_thresholds)",
                List.of(), PublishedThresholds.class).stream().findFirst();
    }

    /** The teachers a school has appointed and not ended, by account number. */
    public List<TeacherAppointment> appointedTeachers(String school) {
        return records("SELECT record_json FROM rm_teacher WHERE school = ? AND status = ? ORDER BY account_no",
                List.of(school, AppointmentStatus.ACTIVE.name()), TeacherAppointment.class);
    }

    /**
     * The recogniser's notifications: each of its recognitions whose source outcome is now revoked
     * or suspended, with when and in which block that happened; oldest first.
     */
    public List<WithdrawnSource> withdrawnSources(String recogniser) {
        return withdrawnSources(recogniser, -1);
    }

    /** {@link #withdrawnSources(String)} from blocks after {@code afterBlock} only: a consumer's next ones. */
    public List<WithdrawnSource> withdrawnSources(String recogniser, long afterBlock) {
        List<WithdrawnSource> found = new ArrayList<>();
        query("SELECT r.id, o.id, o.status, o.status_reason, o.status_changed_at, o.status_block FROM rm_recognition r"
                        + " JOIN rm_recognition_source s ON s.recognition_id = r.id JOIN rm_outcome o ON o.id = s.outcome_id"
                        + " WHERE r.recogniser = ? AND o.status <> ? AND o.status_block > ?"
                        + " ORDER BY o.status_block, r.id, o.id",
                List.of(recogniser, OutcomeStatus.ACTIVE.name(), afterBlock),
                rs -> found.add(new WithdrawnSource(rs.getString(1), rs.getString(2), OutcomeStatus.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getLong(6))));
        return found;
    }

    /** Which outcomes a list shows; null members match anything. {@code batch}: the issuing transaction. */
    public record OutcomeFilter(String issuer, OutcomeStatus status, String learner, String category, String batch) {
        public OutcomeFilter {
            if (issuer == null) {
                throw new IllegalArgumentException("an outcome list is always one issuer's");
            }
        }
    }

    /** One page of a list: {@code page} counts from 0, {@code total} is the number of matches in all pages. */
    public record Page<T>(List<T> items, int page, int size, long total) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** A recognition whose source outcome was revoked or suspended after it was decided. */
    public record WithdrawnSource(String recognitionId, String outcomeId, OutcomeStatus status, String reason,
                                  String changedAt, long blockNumber) {
    }

    /**
     * @param lastBlock     the last block applied, null before the first
     * @param channelHeight blocks on the channel as far as the feed knows
     * @param lag           blocks on the channel not yet applied
     */
    public record Status(Long lastBlock, long channelHeight, long lag) {
    }

    private <T> Page<T> page(String table, String where, List<Object> parameters, String order, int page, int size,
                             Class<T> type) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page from 0, size from 1 to " + MAX_PAGE_SIZE);
        }
        long[] total = {0};
        query("SELECT COUNT(*) FROM " + table + where, parameters, rs -> total[0] = rs.getLong(1));
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(size);
        paged.add((long) page * size);
        List<T> items = records("SELECT record_json FROM " + table + where + " ORDER BY " + order
                + " LIMIT ? OFFSET ?", paged, type);
        return new Page<>(items, page, size, total[0]);
    }

    private static void condition(StringBuilder where, List<Object> parameters, String column, Object value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
        }
    }

    private <T> List<T> records(String sql, List<Object> parameters, Class<T> type) {
        List<T> records = new ArrayList<>();
        query(sql, parameters, rs -> records.add(CanonicalJson.read(rs.getString(1), type)));
        return records;
    }

    private Optional<Long> lastBlock() {
        try (Connection db = connect()) {
            return lastBlock(db);
        } catch (SQLException e) {
            throw new IllegalStateException("read model: " + e.getMessage(), e);
        }
    }

    private static Optional<Long> lastBlock(Connection db) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("SELECT block_number FROM rm_checkpoint WHERE id = 1");
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
    }

    private interface Rows {
        void next(ResultSet rs) throws SQLException;
    }

    private interface Work {
        void run(Connection db) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, Rows rows) {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.next(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read model: " + e.getMessage(), e);
        }
    }

    private void inTransaction(Work work) {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            try {
                work.run(db);
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read model: " + e.getMessage(), e);
        }
    }

    private static int update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }
}
