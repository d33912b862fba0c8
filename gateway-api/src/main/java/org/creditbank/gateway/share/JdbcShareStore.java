package org.creditbank.gateway.share;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.creditbank.model.json.CanonicalJson;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Shares in one table of their own, {@code creditbank_share}, on any JDBC {@link DataSource}: by
 * default an embedded H2 file in the gateway's data directory ({@link #open}), so a member installs
 * no database server; a member who runs one can hand the gateway's shared DataSource to the
 * constructor instead. The table is created when missing; the SQL is plain enough for H2 and
 * PostgreSQL alike (no CLOB: an unbounded VARCHAR). The disclosed records (ids and signed
 * credentials) are one JSON text column: they are written once and always read together.
 */
public final class JdbcShareStore implements ShareStore {

    private static final String TABLE = "creditbank_share";
    private static final String COLUMNS = "id, learner, recipient, created_at, expires_at, withdrawn_at, open_count,"
            + " last_opened_at, records";

    private final DataSource data;

    public JdbcShareStore(DataSource data) {
        this.data = data;
        update("CREATE TABLE IF NOT EXISTS " + TABLE + " (id VARCHAR(32) PRIMARY KEY, learner VARCHAR(64) NOT NULL,"
                + " recipient VARCHAR(400), created_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                + " expires_at TIMESTAMP WITH TIME ZONE, withdrawn_at TIMESTAMP WITH TIME ZONE,"
                + " open_count INTEGER NOT NULL, last_opened_at TIMESTAMP WITH TIME ZONE, records VARCHAR NOT NULL)");
        update("CREATE INDEX IF NOT EXISTS " + TABLE + "_learner ON " + TABLE + " (learner, created_at)");
    }

    /** A store on the database at {@code jdbcUrl} (an H2 URL such as {@code jdbc:h2:file:/var/lib/creditbank/shares}). */
    public static JdbcShareStore open(String jdbcUrl) {
        return new JdbcShareStore(JdbcConnectionPool.create(jdbcUrl, "", ""));
    }

    @Override
    public void add(Share s) {
        update("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", s.id(), s.learner(),
                s.recipient(), time(s.createdAt()), time(s.expiresAt()), time(s.withdrawnAt()), s.openCount(),
                time(s.lastOpenedAt()), CanonicalJson.toJson(s.records()));
    }

    @Override
    public Optional<Share> find(String id) {
        return query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public List<Share> ofLearner(String learner) {
        return query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE learner = ? ORDER BY created_at DESC, id", learner);
    }

    @Override
    public void withdraw(String id, Instant at) {
        update("UPDATE " + TABLE + " SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL", time(at), id);
    }

    @Override
    public void opened(String id, Instant at) {
        update("UPDATE " + TABLE + " SET open_count = open_count + 1, last_opened_at = ? WHERE id = ?", time(at), id);
    }

    private static Timestamp time(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private void update(String sql, Object... parameters) {
        try (Connection c = data.getConnection()) {
            if (parameters.length == 0) {
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                }
                return;
            }
            try (PreparedStatement st = prepare(c, sql, parameters)) {
                st.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the share store failed: " + e.getMessage(), e);
        }
    }

    private List<Share> query(String sql, Object... parameters) {
        try (Connection c = data.getConnection(); PreparedStatement st = prepare(c, sql, parameters);
             ResultSet rs = st.executeQuery()) {
            List<Share> shares = new ArrayList<>();
            while (rs.next()) {
                shares.add(new Share(rs.getString("id"), rs.getString("learner"), rs.getString("recipient"),
                        instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "withdrawn_at"),
                        rs.getInt("open_count"), instant(rs, "last_opened_at"),
                        List.of(CanonicalJson.read(rs.getString("records"), Share.Disclosed[].class))));
            }
            return shares;
        } catch (SQLException e) {
            throw new IllegalStateException("the share store failed: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            st.setObject(i + 1, parameters[i]);
        }
        return st;
    }
}
