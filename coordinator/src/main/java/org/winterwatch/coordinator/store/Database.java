package org.winterwatch.coordinator.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's relational store: PostgreSQL in production, an H2 file under the data folder by default.
 *
 * <p>The schema comes from Flyway migrations under {@code db/migration}, the same for both.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    static {
        // H2 interns every string value it reads or writes in a cache, hashing each alert's whole JSON on the way;
        // for this workload (mostly unique kilobyte strings) that was a tenth of the alert worker's time. Set before
        // H2's classes load; an explicit -Dh2.objectCache wins.
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    private final String url;
    private final String user;
    private final String password;

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
        LOG.info("database ready url={}", redacted());
        return this;
    }

    public Connection connect() throws SQLException {
        java.util.Properties props = new java.util.Properties();
        if (user != null) {
            props.setProperty("user", user);
            props.setProperty("password", password == null ? "" : password);
        }
        if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts")) {
            // one multi-row INSERT per batch instead of a statement per row
            props.setProperty("reWriteBatchedInserts", "true");
        }
        return DriverManager.getConnection(url, props);
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

    /** True when a trivial query answers within two seconds. */
    public boolean isUsable() {
        try (Connection c = connect()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** PostgreSQL (else H2). */
    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    public String redacted() {
        return url.replaceAll("password=[^&;]*", "password=***");
    }
}
