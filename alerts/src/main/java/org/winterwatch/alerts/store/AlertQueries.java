package org.winterwatch.alerts.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertOrder;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.wire.AlertJson;

/**
 * The read side of the alert store: alerts as they are now, one alert, and counts. Each call borrows a pooled
 * connection of its own, so reads never wait for the one writer's transaction.
 */
public final class AlertQueries {

    private final Database db;

    AlertQueries(Database db) {
        this.db = db;
    }

    public List<Alert> alerts(AlertState state) throws SQLException {
        return alerts(state, null);
    }

    /**
     * Alerts as they are now, most urgent first ({@link AlertOrder#MOST_URGENT_FIRST}): in one state or all ({@code null}), and changed at or after
     * {@code since} or whenever ({@code null}). A phone back online asks for what changed since the last alert it got.
     */
    public List<Alert> alerts(AlertState state, Instant since) throws SQLException {
        List<String> where = new ArrayList<>();
        if (state != null) {
            where.add("a.state = ?");
        }
        if (since != null) {
            where.add("a.updated_at >= ?");
        }
        String sql = "SELECT v.body FROM alerts a JOIN alert_versions v ON v.vseq = a.body_seq"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (state != null) {
                ps.setString(i++, state.wireName());
            }
            if (since != null) {
                // both databases keep microseconds: a since taken from an alert's updatedAt must still match it
                ps.setTimestamp(i, Timestamp.from(since.truncatedTo(ChronoUnit.MICROS)));
            }
            List<Alert> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(AlertJson.read(rs.getString(1)));
                }
            }
            out.sort(AlertOrder.MOST_URGENT_FIRST);
            return out;
        }
    }

    /** One alert as it is now, if there is one with that id. */
    public Optional<Alert> alert(String alertId) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT v.body FROM alerts a JOIN alert_versions v ON v.vseq = a.body_seq WHERE a.alert_id = ?")) {
            ps.setString(1, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(AlertJson.read(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** Counts by a column of the alerts table ({@code state}, {@code priority}, {@code outcome}, {@code dispatch}). */
    public Map<String, Long> countBy(String column) throws SQLException {
        if (!Set.of("state", "priority", "outcome", "dispatch", "team_id").contains(column)) {
            throw new IllegalArgumentException("cannot count by " + column);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT " + column + ", COUNT(*) FROM alerts GROUP BY " + column
                     + " ORDER BY " + column);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1) == null ? "none" : rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** Alerts by state, then by priority (wire names); only the pairs that occur. */
    public Map<String, Map<String, Long>> countByStateAndPriority() throws SQLException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT state, priority, COUNT(*) FROM alerts GROUP BY state, priority");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        }
        return out;
    }

    public long detectionCount() throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM detections");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public long unsentCount() throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** What the control room last set as the ambient temperature, if it ever did. */
    public Optional<WeatherStore.StoredWeather> weather() throws SQLException {
        return WeatherStore.latest(db);
    }
}
