package org.winterwatch.alerts.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.wire.AlertJson;

/**
 * Keeps people's exact locations no longer than the retention period (RELIABILITY.md, Security). Older than that:
 * <ul>
 * <li>detections and tips as received (their payloads hold exact positions) are deleted; by then they are far too
 * old to be accepted again, so nothing a redelivery could change depends on them;</li>
 * <li>every version of an alert but its latest is deleted, unless a message still waits to publish it;</li>
 * <li>a resolved alert's latest version keeps its site, times, outcome and history, with its position rounded to
 * 0.001° (about 110 m north-south, 85 m east-west at 40° N) and its thumbnail reference dropped, so that known spots
 * and statistics stay while the person's exact place goes.</li>
 * </ul>
 * Alerts still open keep everything: a team may still be on its way. Runs on a connection borrowed from the pool,
 * in short transactions, beside the alert worker.
 */
public final class LocationRetention {

    /** Coordinates are rounded to this many decimal degrees. */
    private static final double GRID = 1000.0;
    private static final int CHUNK = 10_000;

    private final Database db;

    public LocationRetention(Database db) {
        this.db = db;
    }

    /** What one purge removed or coarsened. */
    public record Purged(int detections, int versions, int coarsened) {
        public boolean isEmpty() {
            return detections == 0 && versions == 0 && coarsened == 0;
        }
    }

    /** Checks a retention period: at least one day, as detections up to 6 hours old are still accepted. */
    public static Duration checked(Duration keep) {
        if (keep == null || keep.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("location_retention_days must be a whole number of days >= 1, was "
                    + (keep == null ? "nothing" : keep.toDays()));
        }
        return keep;
    }

    /** Purges and coarsens what is older than {@code cutoff}. Running it again changes nothing more. */
    public Purged purge(Instant cutoff) throws SQLException {
        Timestamp before = Timestamp.from(cutoff);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                int detections;
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM detections WHERE received_at < ?")) {
                    ps.setTimestamp(1, before);
                    detections = ps.executeUpdate();
                }
                c.commit();
                int versions = deleteOldVersions(c, before);
                int coarsened = coarsenResolved(c, before);
                return new Purged(detections, versions, coarsened);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static int deleteOldVersions(Connection c, Timestamp before) throws SQLException {
        long from;
        long to;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MIN(vseq), MAX(vseq) FROM alert_versions WHERE created_at < ?")) {
            ps.setTimestamp(1, before);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                from = rs.getLong(1);
                if (rs.wasNull()) {
                    return 0;
                }
                to = rs.getLong(2);
            }
        }
        int deleted = 0;
        // in ranges of row numbers, so that a first purge of a long history does not become one huge transaction
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_versions WHERE vseq >= ? AND vseq < ? "
                + "AND created_at < ? AND vseq NOT IN (SELECT body_seq FROM alerts WHERE body_seq IS NOT NULL) "
                + "AND vseq NOT IN (SELECT version_seq FROM outbox WHERE version_seq IS NOT NULL)")) {
            for (long start = from; start <= to; start += CHUNK) {
                ps.setLong(1, start);
                ps.setLong(2, start + CHUNK);
                ps.setTimestamp(3, before);
                deleted += ps.executeUpdate();
                c.commit();
            }
        }
        return deleted;
    }

    private static int coarsenResolved(Connection c, Timestamp before) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.body_seq, v.body FROM alerts a "
                + "JOIN alert_versions v ON v.vseq = a.body_seq WHERE a.state = ? AND a.updated_at < ?")) {
            ps.setString(1, AlertState.RESOLVED.wireName());
            ps.setTimestamp(2, before);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                    bodies.add(rs.getString(2));
                }
            }
        }
        int coarsened = 0;
        try (PreparedStatement up = c.prepareStatement("UPDATE alert_versions SET body = ? WHERE vseq = ?")) {
            for (int i = 0; i < bodies.size(); i++) {
                Alert alert = AlertJson.read(bodies.get(i));
                Alert coarse = coarsened(alert);
                if (coarse.equals(alert)) {
                    continue;
                }
                up.setString(1, AlertJson.write(coarse));
                up.setLong(2, seqs.get(i));
                up.addBatch();
                coarsened++;
            }
            if (coarsened > 0) {
                up.executeBatch();
            }
        }
        c.commit();
        return coarsened;
    }

    /** The alert with its position on a 0.001° grid and no thumbnail reference. */
    static Alert coarsened(Alert a) {
        return a.toBuilder().lat(Math.round(a.lat() * GRID) / GRID).lon(Math.round(a.lon() * GRID) / GRID)
                .imageRef(null).build();
    }
}
