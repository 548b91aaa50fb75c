package org.winterwatch.alerts.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.winterwatch.alerts.book.Alert;

/**
 * Detections, alerts and the outbox, written together in one transaction per batch, so that an alert committed is
 * an alert that will be sent. One writer (the alert worker) writes. Every call borrows a connection from the
 * database's pool and gives it back, so a connection broken by a database outage is replaced, never reused.
 */
public final class AlertStore implements AutoCloseable {

    private final Database db;
    private final AlertQueries queries;
    private boolean numbered;
    private long nextVersionSeq = 1;
    private long nextOutboxSeq = 1;

    public AlertStore(Database db) {
        this.db = db;
        this.queries = new AlertQueries(db);
    }

    /** A detection or tip as received, under its idempotency key. */
    public record StoredDetection(String key, String source, String kind, String alertId, Instant observedAt,
                                  Instant receivedAt, String payload) {
    }

    /**
     * A message to publish after the commit. With an {@code alertId}, the payload is the body of the version of that
     * alert written in the same batch and is not stored a second time: the outbox row points at that version.
     */
    public record OutboxMessage(String topic, String payload, String alertId) {
        public OutboxMessage(String topic, String payload) {
            this(topic, payload, null);
        }
    }

    /** The latest version of an alert with its JSON, written once and used for the row and the outbox alike. */
    public record AlertRow(Alert alert, String body) {
    }

    /** Everything one batch changes. Alerts: the latest version of each changed alert. */
    public record Batch(List<StoredDetection> detections, Collection<AlertRow> alerts, List<OutboxMessage> outbox,
                        Instant at, WeatherStore.StoredWeather weather) {
        public Batch(List<StoredDetection> detections, Collection<AlertRow> alerts, List<OutboxMessage> outbox, Instant at) {
            this(detections, alerts, outbox, at, null);
        }

        public boolean isEmpty() {
            return detections.isEmpty() && alerts.isEmpty() && outbox.isEmpty() && weather == null;
        }
    }

    /** Which of these idempotency keys are stored already. */
    public synchronized Set<String> existingKeys(Collection<String> keys) throws SQLException {
        Set<String> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<String> list = new ArrayList<>(keys);
        try (Connection c = db.connect()) {
            findKeys(c, list, found);
        }
        return found;
    }

    private void findKeys(Connection c, List<String> list, Set<String> found) throws SQLException {
        for (int from = 0; from < list.size(); from += 500) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + 500));
            try (PreparedStatement ps = whereIn(c, "SELECT id FROM detections WHERE", "id", chunk, "varchar")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
    }

    /**
     * Writes a batch in one transaction; on failure nothing of it is stored. Returns the outbox rows it wrote, in
     * order, so that they can be published at once without reading them back.
     */
    public synchronized List<OutboxEntry> commit(Batch batch) throws SQLException {
        if (batch.isEmpty()) {
            return List.of();
        }
        // the pool gives a thread back the connection it used last, so the writer keeps its parsed statements
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            return commit(c, batch);
        }
    }

    private List<OutboxEntry> commit(Connection c, Batch batch) throws SQLException {
        try {
            numberFrom(c);
            insertDetections(c, batch.detections());
            Map<String, Long> versions = appendVersions(c, batch.alerts(), batch.at());
            upsertAlerts(c, batch.alerts(), versions);
            List<OutboxEntry> queued = enqueue(c, batch.outbox(), batch.at(), versions);
            if (batch.weather() != null) {
                WeatherStore.write(c, batch.weather());
            }
            c.commit();
            return queued;
        } catch (SQLException | RuntimeException e) {
            numbered = false;
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    /** What the alerts are now, for whoever reads them (this writer included, when it rebuilds its book). */
    public AlertQueries queries() {
        return queries;
    }

    public List<OutboxEntry> unsent(int limit) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT o.seq, o.topic, COALESCE(o.payload, v.body) FROM outbox o "
                             + "LEFT JOIN alert_versions v ON v.vseq = o.version_seq "
                             + "WHERE o.sent_at IS NULL ORDER BY o.seq LIMIT ?")) {
            ps.setInt(1, limit);
            List<OutboxEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        }
    }

    /**
     * Marks outbox rows sent by deleting them. Deleting rather than updating spares the database a rewrite of every
     * payload; what was sent is in the alerts table (the latest version) and the detections table (every input).
     */
    public void markSent(Collection<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        List<Long> list = new ArrayList<>(seqs);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                if (db.isPostgres()) {
                    // a mark lost in a crash only means the message is sent again (same version): no need to wait
                    // for the disk on every one, which the worker's commits need all the disk for. LOCAL: the
                    // setting ends with this transaction and does not follow the connection back into the pool.
                    try (Statement st = c.createStatement()) {
                        st.execute("SET LOCAL synchronous_commit TO OFF");
                    }
                }
                for (int from = 0; from < list.size(); from += 500) {
                    List<Long> chunk = list.subList(from, Math.min(list.size(), from + 500));
                    try (PreparedStatement ps = whereIn(c, "DELETE FROM outbox WHERE", "seq", chunk, "bigint")) {
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    /** Nothing to release: connections go back to the pool after each call; the {@link Database} owns the pool. */
    @Override
    public void close() {
    }

    private static void insertDetections(Connection c, List<StoredDetection> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO detections "
                + "(id, source, kind, alert_id, observed_at, received_at, payload) VALUES (?,?,?,?,?,?,?)")) {
            for (StoredDetection d : rows) {
                ps.setString(1, d.key());
                ps.setString(2, d.source());
                ps.setString(3, d.kind());
                ps.setString(4, d.alertId());
                ps.setTimestamp(5, Timestamp.from(d.observedAt()));
                ps.setTimestamp(6, Timestamp.from(d.receivedAt()));
                ps.setString(7, d.payload());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Row numbers of versions and outbox rows are given here rather than by the database: PostgreSQL's driver sends
     * a batch that must return generated keys one row at a time, which made it 10 times slower than the rest of
     * the commit. There is one writer. Numbers only grow within a run (never below one already handed to the relay,
     * even after a failed commit), and start above what the tables hold.
     */
    private void numberFrom(Connection c) throws SQLException {
        if (numbered) {
            return;
        }
        nextVersionSeq = Math.max(nextVersionSeq, max(c, "SELECT COALESCE(MAX(vseq), 0) FROM alert_versions") + 1);
        nextOutboxSeq = Math.max(nextOutboxSeq, max(c, "SELECT COALESCE(MAX(seq), 0) FROM outbox") + 1);
        numbered = true;
    }

    private static long max(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Appends each alert's new version; returns the row number of each, by alert id. */
    private Map<String, Long> appendVersions(Connection c, Collection<AlertRow> rows, Instant at) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_versions (vseq, alert_id, version, created_at, body) "
                + "VALUES (?,?,?,?,?)")) {
            for (AlertRow row : rows) {
                long vseq = nextVersionSeq++;
                ps.setLong(1, vseq);
                ps.setString(2, row.alert().alertId());
                ps.setLong(3, row.alert().version());
                ps.setTimestamp(4, Timestamp.from(at));
                ps.setString(5, row.body());
                ps.addBatch();
                out.put(row.alert().alertId(), vseq);
            }
            ps.executeBatch();
        }
        return out;
    }

    /**
     * {@code prefix column IN (...)}: on PostgreSQL as {@code = ANY(?)} with one array, whose plan stays on the index
     * (500 separate parameters got a generic plan that scanned the whole detections table once it had grown).
     */
    private PreparedStatement whereIn(Connection c, String prefix, String column, List<?> values, String pgType)
            throws SQLException {
        PreparedStatement ps;
        if (db.isPostgres()) {
            ps = c.prepareStatement(prefix + " " + column + " = ANY(?)");
            ps.setArray(1, c.createArrayOf(pgType, values.toArray()));
        } else {
            // H2 keeps a few parsed statements per connection by their text: padding the list to a power of two
            // (repeating its last value) keeps the number of distinct texts small, so they are parsed once
            int slots = Integer.highestOneBit(values.size()) == values.size() ? values.size()
                    : Integer.highestOneBit(values.size()) << 1;
            ps = c.prepareStatement(prefix + " " + column + " IN (" + "?,".repeat(slots - 1) + "?)");
            for (int i = 0; i < slots; i++) {
                ps.setObject(i + 1, values.get(Math.min(i, values.size() - 1)));
            }
        }
        return ps;
    }

    /**
     * Updates the alerts rows of changed alerts and inserts those that have none yet. The update's row counts say
     * which are new, so no query is needed first.
     */
    private void upsertAlerts(Connection c, Collection<AlertRow> rows, Map<String, Long> versions) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<AlertRow> ordered = new ArrayList<>(rows);
        int[] updated;
        try (PreparedStatement up = c.prepareStatement("UPDATE alerts SET state = ?, priority = ?, dispatch = ?, "
                + "team_id = ?, site_id = ?, outcome = ?, version = ?, first_seen = ?, updated_at = ?, body_seq = ? "
                + "WHERE alert_id = ?")) {
            for (AlertRow row : ordered) {
                bindAlert(up, row.alert(), versions);
                up.addBatch();
            }
            updated = up.executeBatch();
        }
        boolean any = false;
        try (PreparedStatement in = c.prepareStatement("INSERT INTO alerts (state, priority, dispatch, team_id, site_id, "
                + "outcome, version, first_seen, updated_at, body_seq, alert_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < ordered.size(); i++) {
                if (updated[i] == 0) {
                    bindAlert(in, ordered.get(i).alert(), versions);
                    in.addBatch();
                    any = true;
                } else if (updated[i] == Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("the database did not say which alerts rows it updated");
                }
            }
            if (any) {
                in.executeBatch();
            }
        }
    }

    private static void bindAlert(PreparedStatement ps, Alert a, Map<String, Long> versions) throws SQLException {
        ps.setString(1, a.state().wireName());
        ps.setString(2, a.priority().wireName());
        ps.setString(3, a.dispatch().wireName());
        ps.setString(4, a.teamId());
        ps.setString(5, a.siteId());
        ps.setString(6, a.outcome() == null ? null : a.outcome().wireName());
        ps.setLong(7, a.version());
        ps.setTimestamp(8, Timestamp.from(a.firstSeen()));
        ps.setTimestamp(9, Timestamp.from(a.updatedAt()));
        ps.setLong(10, versions.get(a.alertId()));
        ps.setString(11, a.alertId());
    }

    private List<OutboxEntry> enqueue(Connection c, List<OutboxMessage> messages, Instant at,
                                             Map<String, Long> versions) throws SQLException {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<OutboxEntry> out = new ArrayList<>(messages.size());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (seq, topic, payload, version_seq, created_at) "
                + "VALUES (?,?,?,?,?)")) {
            for (OutboxMessage m : messages) {
                long seq = nextOutboxSeq++;
                Long version = m.alertId() == null ? null : versions.get(m.alertId());
                ps.setLong(1, seq);
                ps.setString(2, m.topic());
                ps.setString(3, version == null ? m.payload() : null);
                if (version == null) {
                    ps.setNull(4, Types.BIGINT);
                } else {
                    ps.setLong(4, version);
                }
                ps.setTimestamp(5, Timestamp.from(at));
                ps.addBatch();
                out.add(new OutboxEntry(seq, m.topic(), m.payload()));
            }
            ps.executeBatch();
        }
        return out;
    }
}
