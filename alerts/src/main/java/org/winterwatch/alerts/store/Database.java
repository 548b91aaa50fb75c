package org.winterwatch.alerts.store;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import java.util.concurrent.ThreadFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's relational store: PostgreSQL in production, an H2 file under the data folder by default.
 *
 * <p>The schema comes from Flyway migrations under {@code db/migration}, the same for both. Connections come from
 * a small pool (HikariCP) that validates them and replaces broken ones, so the coordinator carries on by itself once
 * a database that went away is back.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    static {
        // H2 interns every string value it reads or writes in a cache, hashing each alert's whole JSON on the way;
        // for this workload (mostly unique kilobyte strings) that was a tenth of the alert worker's time. Set before
        // H2's classes load; an explicit -Dh2.objectCache wins.
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    /**
     * Connections kept open: the alert worker (one at a time), the outbox relay, the audit writer, and two for HTTP
     * reads, health and retention. Small on purpose: PostgreSQL gives each connection a process of its own.
     */
    static final int POOL_SIZE = 5;
    /** How long a caller waits for a connection before it is told the database is away. */
    private static final long BORROW_TIMEOUT_MS = 3_000;
    /** How long a connection idle for more than half a second may take to prove it still works when borrowed. */
    private static final long VALIDATION_TIMEOUT_MS = 1_000;
    /** How long health waits for its answer (one probe at a time, shared by concurrent callers). */
    private static final long PROBE_WAIT_MS = 2_000;

    private final String url;
    private final String user;
    private final String password;
    private HikariDataSource pool;
    private CompletableFuture<Boolean> probe;
    private boolean closed;

    private Database(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The embedded default: an H2 file database in {@code dataDir/db}. */
    public static Database embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("db").resolve("winterwatch");
        // WRITE_DELAY=0: a commit reaches the file before the broker is acknowledged (H2 otherwise delays it).
        return new Database("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "");
    }

    /** A database given as a JDBC URL; user and password may be in the URL or given separately. */
    public static Database of(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !(jdbcUrl.startsWith("jdbc:postgresql:") || jdbcUrl.startsWith("jdbc:h2:"))) {
            throw new IllegalArgumentException("db-url: expected a jdbc:postgresql:// or jdbc:h2: URL, got '" + jdbcUrl + "'");
        }
        return new Database(jdbcUrl, user, password);
    }

    /** Brings the schema up to date; fails with a readable message when the database cannot be reached. */
    public Database migrate() {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info("database ready url={} pool={}", redacted(), POOL_SIZE);
        return this;
    }

    /**
     * A connection from the pool, in auto-commit mode; closing it gives it back. A connection idle for a while is
     * validated before it is handed out, and one that broke is replaced, so callers see the database come back
     * without doing anything but asking again.
     */
    public Connection connect() throws SQLException {
        return pool().getConnection();
    }

    /**
     * The pool as a {@link DataSource}, for the stores and migrations of other modules that keep their tables in the
     * same database (the sweeps).
     */
    public DataSource dataSource() {
        try {
            return pool();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * A connection of its own, outside any pool, for one that lives as long as its holder (the leadership session,
     * whose end releases its lock).
     */
    public Connection connectDirect() throws SQLException {
        return DriverManager.getConnection(url, user == null ? new java.util.Properties() : credentials());
    }

    private java.util.Properties credentials() {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", user);
        props.setProperty("password", password == null ? "" : password);
        return props;
    }

    private static final ThreadFactory PROBES = new ThreadFactoryBuilder().setNameFormat("ww-db-probe-%d")
            .setDaemon(true).build();

    /**
     * True when the pool hands out a connection that answers within about two seconds. Concurrent callers share one
     * probe, so that a health endpoint polled often while the database is away does not pile up waiting threads.
     */
    public boolean isUsable() {
        CompletableFuture<Boolean> current;
        synchronized (this) {
            if (probe == null || probe.isDone()) {
                // a thread per probe: one stuck on a dead connection must not hold up the next
                probe = CompletableFuture.supplyAsync(this::answers, task -> PROBES.newThread(task).start());
            }
            current = probe;
        }
        try {
            return current.get(PROBE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean answers() {
        // the pool lends a connection used (or opened) within the last half second without checking it, and the
        // server may have dropped it since (restarted, or killed its backend): such a one is evicted and the next
        // one asked for, until the pool has opened a fresh one
        for (int attempt = 0; attempt <= POOL_SIZE; attempt++) {
            try (Connection c = connect()) {
                if (c.isValid((int) TimeUnit.MILLISECONDS.toSeconds(VALIDATION_TIMEOUT_MS))) {
                    return true;
                }
                evict(c);
            } catch (SQLException e) {
                return false;
            }
        }
        return false;
    }

    private synchronized void evict(Connection c) {
        if (pool != null) {
            pool.evictConnection(c);
        }
    }

    /** Closes every pooled connection; the database cannot be used after. */
    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    /** The pool, opened on first use (a database that is only configured or migrated opens none). */
    private synchronized HikariDataSource pool() throws SQLException {
        if (closed) {
            throw new SQLException("the database " + redacted() + " was closed", "08003");
        }
        if (pool == null) {
            pool = new HikariDataSource(poolConfig());
        }
        return pool;
    }

    private HikariConfig poolConfig() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ww-db");
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
            config.setPassword(password == null ? "" : password);
        }
        if (isPostgres() && !url.contains("reWriteBatchedInserts")) {
            // one multi-row INSERT per batch instead of a statement per row
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        if (isPostgres() && !url.contains("ApplicationName")) {
            // so that an operator sees in pg_stat_activity whose connections these are
            config.addDataSourceProperty("ApplicationName", "winterwatch");
        }
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(BORROW_TIMEOUT_MS);
        config.setValidationTimeout(VALIDATION_TIMEOUT_MS);
        // start even when the database is away: callers then get an SQLException when they ask, not a crash here
        config.setInitializationFailTimeout(-1);
        return config;
    }

    /** PostgreSQL (else H2). */
    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    public String redacted() {
        return url.replaceAll("password=[^&;]*", "password=***");
    }
}
