package org.winterwatch.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.winterwatch.coordinator.alerts.Alert;
import org.winterwatch.coordinator.alerts.AlertJson;
import org.winterwatch.coordinator.alerts.AlertState;
import org.winterwatch.coordinator.alerts.Detection;

/**
 * Detections, alerts and the outbox, written together so that an alert committed is an alert that will be sent.
 */
public final class AlertStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;

    public AlertStore(Database db) {
        this.db = db;
    }

    /** The work done inside the detection's transaction once the detection is known to be new. */
    @FunctionalInterface
    public interface Folding {
        Alert fold(Detection detection);
    }

    /**
     * Stores a new detection and the alert change it causes, with the alert's outbox message, in one transaction.
     *
     * @return the changed alert, or empty when the detection id was seen before (a redelivery)
     */
    public Optional<Alert> recordDetection(Detection d, String payload, Instant receivedAt, Folding folding,
                                           String topicPrefix) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                if (exists(c, d.id())) {
                    c.rollback();
                    return Optional.empty();
                }
                Alert alert = folding.fold(d);
                insertDetection(c, d, alert.alertId(), payload, receivedAt);
                upsertAlert(c, alert);
                enqueue(c, topicPrefix + "/alerts/" + alert.teamId(), AlertJson.write(alert), receivedAt);
                c.commit();
                return Optional.of(alert);
            } catch (SQLException e) {
                c.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return Optional.empty();
                }
                throw e;
            }
        }
    }

    public List<Alert> alerts(AlertState state) throws SQLException {
        String sql = state == null ? "SELECT body FROM alerts ORDER BY updated_at DESC"
                : "SELECT body FROM alerts WHERE state = ? ORDER BY updated_at DESC";
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (state != null) {
                ps.setString(1, state.wireName());
            }
            List<Alert> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(AlertJson.read(rs.getString(1)));
                }
            }
            return out;
        }
    }

    public List<OutboxEntry> unsent(int limit) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT seq, topic, payload FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?")) {
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

    public void markSent(long seq, Instant at) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE outbox SET sent_at = ? WHERE seq = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
    }

    private static boolean exists(Connection c, String detectionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM detections WHERE id = ?")) {
            ps.setString(1, detectionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insertDetection(Connection c, Detection d, String alertId, String payload, Instant receivedAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO detections (id, source, alert_id, observed_at, received_at, payload) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, d.id());
            ps.setString(2, d.source());
            ps.setString(3, alertId);
            ps.setTimestamp(4, Timestamp.from(d.observedAt()));
            ps.setTimestamp(5, Timestamp.from(receivedAt));
            ps.setString(6, payload);
            ps.executeUpdate();
        }
    }

    private static void upsertAlert(Connection c, Alert a) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE alerts SET state = ?, team_id = ?, version = ?, updated_at = ?, body = ? WHERE alert_id = ?")) {
            up.setString(1, a.state().wireName());
            up.setString(2, a.teamId());
            up.setLong(3, a.version());
            up.setTimestamp(4, Timestamp.from(a.updatedAt()));
            up.setString(5, AlertJson.write(a));
            up.setString(6, a.alertId());
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement(
                "INSERT INTO alerts (alert_id, state, team_id, version, updated_at, body) VALUES (?,?,?,?,?,?)")) {
            in.setString(1, a.alertId());
            in.setString(2, a.state().wireName());
            in.setString(3, a.teamId());
            in.setLong(4, a.version());
            in.setTimestamp(5, Timestamp.from(a.updatedAt()));
            in.setString(6, AlertJson.write(a));
            in.executeUpdate();
        }
    }

    private static void enqueue(Connection c, String topic, String payload, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (topic, payload, created_at) VALUES (?,?,?)")) {
            ps.setString(1, topic);
            ps.setString(2, payload);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.executeUpdate();
        }
    }
}
