package org.creditbank.gateway.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The read model's tables, in SQL that H2 and PostgreSQL both take. Each projected record type is
 * a typed table with the columns its queries filter on, indexed; the record's canonical JSON is
 * kept beside them so an answer is the ledger's record, not a re-assembly. {@code rm_state} holds
 * the latest value of every other key, so nothing the chaincode writes is dropped.
 */
final class Schema {

    static final List<String> TABLES = List.of("rm_checkpoint", "rm_outcome", "rm_recognition",
            "rm_recognition_source", "rm_demand", "rm_major", "rm_thresholds", "rm_teacher", "rm_application", "rm_state");

    private static final List<String> CREATE = List.of(
            // One row: the last block applied in full and its last transaction's index.
            "CREATE TABLE IF NOT EXISTS rm_checkpoint (id INT PRIMARY KEY, block_number BIGINT NOT NULL,"
                    + " tx_index INT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS rm_outcome (id VARCHAR(300) PRIMARY KEY, issuer VARCHAR(100) NOT NULL,"
                    + " learner VARCHAR(40) NOT NULL, category VARCHAR(100), status VARCHAR(16) NOT NULL,"
                    + " activity_end DATE NOT NULL, supply_quarter VARCHAR(8) NOT NULL, occupation BOOLEAN NOT NULL,"
                    + " batch VARCHAR(128) NOT NULL, credits DECIMAL(10,2), status_block BIGINT NOT NULL,"
                    + " status_reason VARCHAR(1000), status_changed_at VARCHAR(40), record_json VARCHAR NOT NULL,"
                    + " block_number BIGINT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS rm_outcome_by_issuer_status ON rm_outcome (issuer, status, id)",
            "CREATE INDEX IF NOT EXISTS rm_outcome_by_issuer_learner ON rm_outcome (issuer, learner)",
            "CREATE INDEX IF NOT EXISTS rm_outcome_by_issuer_category ON rm_outcome (issuer, category)",
            "CREATE INDEX IF NOT EXISTS rm_outcome_by_issuer_batch ON rm_outcome (issuer, batch)",
            "CREATE INDEX IF NOT EXISTS rm_outcome_supply ON rm_outcome (status, occupation, category, supply_quarter)",
            "CREATE TABLE IF NOT EXISTS rm_recognition (id VARCHAR(300) PRIMARY KEY, recogniser VARCHAR(100) NOT NULL,"
                    + " learner VARCHAR(40) NOT NULL, credits DECIMAL(10,2), recognised_at VARCHAR(40),"
                    + " record_json VARCHAR NOT NULL, block_number BIGINT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS rm_recognition_by_recogniser ON rm_recognition (recogniser, id)",
            "CREATE TABLE IF NOT EXISTS rm_recognition_source (recognition_id VARCHAR(300) NOT NULL,"
                    + " outcome_id VARCHAR(300) NOT NULL, PRIMARY KEY (recognition_id, outcome_id))",
            "CREATE INDEX IF NOT EXISTS rm_recognition_source_by_outcome ON rm_recognition_source (outcome_id)",
            "CREATE TABLE IF NOT EXISTS rm_demand (id VARCHAR(300) PRIMARY KEY, enterprise VARCHAR(100) NOT NULL,"
                    + " status VARCHAR(16) NOT NULL, version INT NOT NULL, record_json VARCHAR NOT NULL,"
                    + " block_number BIGINT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS rm_demand_by_enterprise ON rm_demand (enterprise, id)",
            "CREATE TABLE IF NOT EXISTS rm_major (school VARCHAR(100) NOT NULL, major_code VARCHAR(64) NOT NULL,"
                    + " version INT NOT NULL, record_json VARCHAR NOT NULL, block_number BIGINT NOT NULL,"
                    + " PRIMARY KEY (school, major_code, version))",
            "CREATE TABLE IF NOT EXISTS rm_thresholds (version INT PRIMARY KEY, record_json VARCHAR NOT NULL,"
                    + " block_number BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS rm_teacher (account_no VARCHAR(40) PRIMARY KEY, school VARCHAR(100) NOT NULL,"
                    + " status VARCHAR(16) NOT NULL, record_json VARCHAR NOT NULL, block_number BIGINT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS rm_teacher_by_school ON rm_teacher (school, status)",
            "CREATE TABLE IF NOT EXISTS rm_application (id VARCHAR(300) PRIMARY KEY, institution VARCHAR(100) NOT NULL,"
                    + " learner VARCHAR(40) NOT NULL, status VARCHAR(16) NOT NULL, applied_at VARCHAR(40) NOT NULL,"
                    + " record_json VARCHAR NOT NULL, block_number BIGINT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS rm_application_by_institution ON rm_application (institution, status, applied_at)",
            // Attributes as a JSON array: PostgreSQL text cannot hold the composite key's U+0000.
            "CREATE TABLE IF NOT EXISTS rm_state (object_type VARCHAR(200) NOT NULL, attributes VARCHAR(2000) NOT NULL,"
                    + " state_value VARCHAR, value_encoding VARCHAR(8) NOT NULL, block_number BIGINT NOT NULL,"
                    + " tx_index INT NOT NULL, deleted BOOLEAN NOT NULL, PRIMARY KEY (object_type, attributes))");

    private Schema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : CREATE) {
                statement.execute(sql);
            }
        }
    }

    static void drop(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }
}
