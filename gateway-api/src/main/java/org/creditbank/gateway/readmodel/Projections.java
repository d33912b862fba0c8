package org.creditbank.gateway.readmodel;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Base64;
import org.creditbank.gateway.readmodel.BlockDecoder.StateWrite;
import org.creditbank.gateway.readmodel.BlockDecoder.TxWrites;
import org.creditbank.model.ObjectTypes;
import org.creditbank.model.RecordId;
import org.creditbank.model.demand.PublishedThresholds;
import org.creditbank.model.demand.SchoolMajor;
import org.creditbank.model.demand.SupplyCount;
import org.creditbank.model.demand.TalentDemand;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionApplication;
import org.creditbank.model.teacher.TeacherAppointment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one transaction's writes into the tables, on the caller's connection and inside its
 * database transaction. A write of a projected object type goes to its typed table; a value of
 * such a type that does not read as its record (a newer chaincode's shape) goes, with a warning,
 * to the generic table like every other key, so that no write is lost and the feed never stops on it.
 */
final class Projections {

    private static final Logger LOG = LoggerFactory.getLogger(Projections.class);

    private final Connection db;
    private final long block;

    Projections(Connection db, long block) {
        this.db = db;
        this.block = block;
    }

    void apply(TxWrites tx) throws SQLException {
        for (StateWrite write : tx.writes()) {
            StateKey key = StateKey.parse(write.key());
            if (!projected(key, write)) {
                latestValue(key, write, tx.index());
            }
        }
    }

    /**
     * A value an older gateway kept in the generic table, of a type this one projects (recognition
     * applications): true when it went into its typed table, so the generic row can go.
     */
    boolean adopt(StateKey key, byte[] value) throws SQLException {
        return projected(key, new StateWrite(null, ByteString.copyFrom(value)));
    }

    /** Whether the write belongs to (and went into) a typed table. */
    private boolean projected(StateKey key, StateWrite write) throws SQLException {
        String type = key.objectType();
        boolean known = type.equals(ObjectTypes.OUTCOME) || type.equals(ObjectTypes.RECOGNITION)
                || type.equals(ObjectTypes.DEMAND) || type.equals(ObjectTypes.MAJOR)
                || type.equals(ObjectTypes.WARNING_THRESHOLDS) || type.equals(ObjectTypes.TEACHER)
                || type.equals(ObjectTypes.APPLICATION);
        if (!known) {
            return false;
        }
        if (write.deleted()) {
            // The contract never deletes these records; should one go, its row goes too.
            return deleted(key);
        }
        byte[] json = write.value().toByteArray();
        try {
            switch (type) {
                case ObjectTypes.OUTCOME -> outcome(CanonicalJson.read(json, Outcome.class), json);
                case ObjectTypes.RECOGNITION -> recognition(CanonicalJson.read(json, Recognition.class), json);
                case ObjectTypes.DEMAND -> demand(CanonicalJson.read(json, TalentDemand.class), json);
                case ObjectTypes.MAJOR -> major(CanonicalJson.read(json, SchoolMajor.class), json);
                case ObjectTypes.WARNING_THRESHOLDS -> thresholds(CanonicalJson.read(json, PublishedThresholds.class), json);
                case ObjectTypes.APPLICATION -> application(CanonicalJson.read(json, RecognitionApplication.class), json);
                default -> teacher(CanonicalJson.read(json, TeacherAppointment.class), json);
            }
            return true;
        } catch (CanonicalJson.MalformedJsonException | IllegalArgumentException | NullPointerException e) {
            LOG.warn("block {}: the {} record {} does not read as one ({}); kept as a plain value",
                    block, type, key.attributes(), e.getMessage());
            return false;
        }
    }

    private void outcome(Outcome o, byte[] json) throws SQLException {
        String status = o.status().name();
        int updated = update("UPDATE rm_outcome SET issuer = ?, learner = ?, category = ?, activity_end = ?,"
                        + " supply_quarter = ?, occupation = ?, batch = ?, credits = ?,"
                        + " status_block = CASE WHEN status = ? THEN status_block ELSE ? END, status = ?,"
                        + " status_reason = ?, status_changed_at = ?, record_json = ?, block_number = ? WHERE id = ?",
                o.issuer(), o.draft().learner(), o.draft().category(), LocalDate.parse(o.draft().activityEnd()),
                SupplyCount.periodOf(o), SupplyCount.suppliesAnOccupation(o), o.awardTxId(), o.draft().credits(),
                status, block, status, o.statusReason(), o.statusChangedAt(), text(json), block, o.id());
        if (updated == 0) {
            update("INSERT INTO rm_outcome (issuer, learner, category, activity_end, supply_quarter, occupation, batch,"
                            + " credits, status_block, status, status_reason, status_changed_at, record_json, block_number, id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    o.issuer(), o.draft().learner(), o.draft().category(), LocalDate.parse(o.draft().activityEnd()),
                    SupplyCount.periodOf(o), SupplyCount.suppliesAnOccupation(o), o.awardTxId(), o.draft().credits(),
                    block, status, o.statusReason(), o.statusChangedAt(), text(json), block, o.id());
        }
    }

    private void recognition(Recognition r, byte[] json) throws SQLException {
        update("DELETE FROM rm_recognition_source WHERE recognition_id = ?", r.id());
        update("DELETE FROM rm_recognition WHERE id = ?", r.id());
        update("INSERT INTO rm_recognition (id, recogniser, learner, credits, recognised_at, record_json, block_number)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", r.id(), r.recogniser(), r.request().learner(), r.credits(),
                r.recognisedAt(), text(json), block);
        for (String source : r.request().sourceOutcomeIds().stream().distinct().toList()) {
            update("INSERT INTO rm_recognition_source (recognition_id, outcome_id) VALUES (?, ?)", r.id(), source);
        }
    }

    private void demand(TalentDemand d, byte[] json) throws SQLException {
        update("DELETE FROM rm_demand WHERE id = ?", d.id());
        update("INSERT INTO rm_demand (id, enterprise, status, version, record_json, block_number) VALUES (?, ?, ?, ?, ?, ?)",
                d.id(), d.enterprise(), d.status().name(), d.version(), text(json), block);
    }

    private void major(SchoolMajor m, byte[] json) throws SQLException {
        update("DELETE FROM rm_major WHERE school = ? AND major_code = ? AND version = ?",
                m.school(), m.terms().majorCode(), m.terms().version());
        update("INSERT INTO rm_major (school, major_code, version, record_json, block_number) VALUES (?, ?, ?, ?, ?)",
                m.school(), m.terms().majorCode(), m.terms().version(), text(json), block);
    }

    private void thresholds(PublishedThresholds t, byte[] json) throws SQLException {
        update("DELETE FROM rm_thresholds WHERE version = ?", t.thresholds().version());
        update("INSERT INTO rm_thresholds (version, record_json, block_number) VALUES (?, ?, ?)",
                t.thresholds().version(), text(json), block);
    }

    private void application(RecognitionApplication a, byte[] json) throws SQLException {
        update("DELETE FROM rm_application WHERE id = ?", a.id());
        update("INSERT INTO rm_application (id, institution, learner, status, applied_at, record_json, block_number)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", a.id(), a.institution(), a.request().learner(), a.status().name(),
                a.appliedAt(), text(json), block);
    }

    private void teacher(TeacherAppointment t, byte[] json) throws SQLException {
        update("DELETE FROM rm_teacher WHERE account_no = ?", t.accountNo());
        update("INSERT INTO rm_teacher (account_no, school, status, record_json, block_number) VALUES (?, ?, ?, ?, ?)",
                t.accountNo(), t.school(), t.status().name(), text(json), block);
    }

    /** Removes a projected record's row, found by its key's attributes; true when the type is projected. */
    private boolean deleted(StateKey key) throws SQLException {
        var a = key.attributes();
        switch (key.objectType()) {
            case ObjectTypes.OUTCOME -> update("DELETE FROM rm_outcome WHERE id = ?",
                    RecordId.outcome(a.get(0), a.get(1)).toString());
            case ObjectTypes.RECOGNITION -> {
                update("DELETE FROM rm_recognition_source WHERE recognition_id = ?", a.get(0));
                update("DELETE FROM rm_recognition WHERE id = ?", a.get(0));
            }
            case ObjectTypes.DEMAND -> update("DELETE FROM rm_demand WHERE id = ?",
                    RecordId.demand(a.get(0), a.get(1)).toString());
            case ObjectTypes.MAJOR -> update("DELETE FROM rm_major WHERE school = ? AND major_code = ? AND version = ?",
                    a.get(0), a.get(1), Integer.parseInt(a.get(2)));
            case ObjectTypes.WARNING_THRESHOLDS -> update("DELETE FROM rm_thresholds WHERE version = ?",
                    Integer.parseInt(a.get(0)));
            case ObjectTypes.APPLICATION -> update("DELETE FROM rm_application WHERE id = ?",
                    RecordId.application(a.get(0), a.get(1)).toString());
            default -> update("DELETE FROM rm_teacher WHERE account_no = ?", a.get(0));
        }
        return true;
    }

    private void latestValue(StateKey key, StateWrite write, int txIndex) throws SQLException {
        String attributes = CanonicalJson.toJson(key.attributes());
        String[] value = write.deleted() ? new String[] {null, "none"} : encode(write.value());
        int updated = update("UPDATE rm_state SET state_value = ?, value_encoding = ?, block_number = ?, tx_index = ?,"
                        + " deleted = ? WHERE object_type = ? AND attributes = ?",
                value[0], value[1], block, txIndex, write.deleted(), key.objectType(), attributes);
        if (updated == 0) {
            update("INSERT INTO rm_state (state_value, value_encoding, block_number, tx_index, deleted, object_type,"
                    + " attributes) VALUES (?, ?, ?, ?, ?, ?, ?)", value[0], value[1], block, txIndex, write.deleted(),
                    key.objectType(), attributes);
        }
    }

    /** UTF-8 text as it is (the contract writes JSON and ids); anything else, or text with U+0000, as base64. */
    private static String[] encode(ByteString value) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.toByteArray())).toString();
            if (text.indexOf('\u0000') < 0) {
                return new String[] {text, "utf8"};
            }
        } catch (CharacterCodingException e) {
            // not text: base64 below
        }
        return new String[] {Base64.getEncoder().encodeToString(value.toByteArray()), "base64"};
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
