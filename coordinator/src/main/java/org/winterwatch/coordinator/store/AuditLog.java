package org.winterwatch.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.store.Database;

/**
 * An append-only record of every read of people's locations (alerts over HTTP) and every drone command, written in
 * batches on its own thread, with a connection borrowed from the pool per batch, so that neither the API nor the alert
 * worker waits for it.
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_PENDING = 100_000;

    /** One audited act. {@code actor}: who (role, team, token fingerprint, or the coordinator itself). */
    public record Entry(Instant at, String actor, String action, String target, String detail) {
    }

    private final Database db;
    private final Clock clock;
    private final BlockingQueue<Entry> pending = new ArrayBlockingQueue<>(MAX_PENDING);
    private final Thread thread;
    private volatile boolean running = true;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.thread = new Thread(this::run, "ww-audit");
        thread.setDaemon(true);
        thread.start();
    }

    public void record(String actor, String action, String target, String detail) {
        Entry e = new Entry(clock.instant(), actor, action, target, detail);
        if (!pending.offer(e)) {
            // never block an alert or a request on the audit; say loudly that a record was not kept
            LOG.error("audit record dropped, {} are waiting to be written actor={} action={} target={}", MAX_PENDING,
                    actor, action, target);
        }
    }

    /** The latest records, newest first (what an administrator reviews). */
    public List<Entry> latest(int limit) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT at, actor, action, target, detail FROM audit_log ORDER BY seq DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        return out;
    }

    /** Records waiting to be written (a gauge; also lets tests wait for the writer). */
    public int backlog() {
        return pending.size();
    }

    private void run() {
        List<Entry> batch = new ArrayList<>();
        while (running || !pending.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Entry first = pending.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    pending.drainTo(batch, 999);
                }
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                running = false;
            } catch (SQLException e) {
                if (!running) {
                    LOG.error("audit records not written, the coordinator is stopping count={} reason={}", batch.size(),
                            e.getMessage());
                    return;
                }
                LOG.warn("audit records not written yet, retrying count={} reason={}", batch.size(), e.getMessage());
                try {
                    Thread.sleep(1_000); // the database is away: back off before the next attempt
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void write(List<Entry> batch) throws SQLException {
        try (Connection connection = db.connect(); PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?,?,?,?,?)")) {
            for (Entry e : batch) {
                ps.setTimestamp(1, Timestamp.from(e.at()));
                ps.setString(2, cut(e.actor(), 200));
                ps.setString(3, cut(e.action(), 64));
                ps.setString(4, cut(e.target(), 200));
                ps.setString(5, cut(e.detail(), 2000));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Writes what is pending (for up to five seconds), then stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
