package org.winterwatch.coordinator.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.store.Database;

/**
 * Leadership through PostgreSQL itself: the active coordinator holds a session-level advisory lock on a connection
 * of its own. When that process dies, PostgreSQL ends its session and the lock is free; a standby, trying every
 * second, takes it. When the active one loses its link to the database it can no longer know whether it still leads,
 * so it steps down at once. No consensus of our own: the database decides.
 */
final class PostgresLeadership implements Leadership {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresLeadership.class);
    static final long CHECK_EVERY_MS = 1_000;

    private final Database db;
    private final long key;
    private final ScheduledExecutorService loop = Timers.single("ww-leadership");
    private Listener listener;
    private Connection session;
    private volatile Role role = Role.STANDBY;

    /**
     * @param name what the coordinators that form one share (their MQTT client id): one lock per name and database URL
     *             (advisory locks span a whole PostgreSQL database, whatever the schema)
     */
    PostgresLeadership(Database db, String name) {
        this.db = db;
        this.key = lockKey(name + "|" + db.redacted());
    }

    /** A stable 64-bit lock key for a name. */
    static long lockKey(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("winterwatch-coordinator:" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void start(Listener newListener) throws StartupException {
        this.listener = newListener;
        synchronized (this) {
            if (tryAcquire()) {
                activate(true);
            }
        }
        loop.scheduleWithFixedDelay(this::check, CHECK_EVERY_MS, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
        if (role == Role.STANDBY) {
            LOG.info("coordinator is standby; another one is active");
        }
    }

    @Override
    public Role role() {
        return role;
    }

    private synchronized void check() {
        try {
            if (role == Role.ACTIVE) {
                if (!sessionAlive()) {
                    LOG.error("lost the database session that holds leadership; stepping down");
                    role = Role.STANDBY;
                    closeSession();
                    listener.deposed();
                }
            } else if (tryAcquire()) {
                activate(false);
            }
        } catch (StartupException | RuntimeException e) {
            LOG.warn("leadership check failed reason={}", e.toString());
        }
    }

    private void activate(boolean atStart) throws StartupException {
        LOG.info("coordinator elected active");
        try {
            listener.elected();
            role = Role.ACTIVE;
        } catch (StartupException | RuntimeException e) {
            // give the lock back so that another coordinator may try
            closeSession();
            if (atStart) {
                throw e;
            }
            LOG.error("could not become active, tried again in a second reason={}", e.getMessage());
        }
    }

    private boolean tryAcquire() {
        try {
            if (session == null) {
                session = db.connectDirect();
                session.setAutoCommit(true);
            }
            try (PreparedStatement ps = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            LOG.debug("leadership not taken, database unreachable reason={}", e.getMessage());
            closeSession();
            return false;
        }
    }

    private boolean sessionAlive() {
        try {
            return session != null && session.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                LOG.debug("leadership session close reason={}", e.getMessage());
            }
            session = null;
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        synchronized (this) {
            role = Role.STANDBY;
            closeSession(); // ends the session, and with it the lock
        }
    }
}
