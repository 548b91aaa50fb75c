package org.winterwatch.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection pool against the machine's PostgreSQL: reads share a few connections, and connections the server
 * dropped are replaced. The pool's connections carry an application name of their own, so that the test terminates
 * only them on a server other tests use too.
 */
class DatabasePoolPostgresIT {

    private final String application = "ww-it-pool-" + UUID.randomUUID().toString().substring(0, 8);
    private Database db;

    @BeforeEach
    void open() {
        String base = PostgresTestSchema.baseUrl();
        db = Database.of(base + (base.contains("?") ? "&" : "?") + "ApplicationName=" + application, null, null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void twentyConcurrentReadsAreServedByAtMostFiveConnections() throws Exception {
        Set<Integer> backends = ConcurrentHashMap.newKeySet();
        ExecutorService readers = Executors.newFixedThreadPool(20);
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                reads.add(readers.submit(() -> backends.add(backendServing("SELECT pg_backend_pid(), pg_sleep(0.1)"))));
            }
            for (Future<?> read : reads) {
                read.get();
            }
        } finally {
            readers.shutdownNow();
        }

        assertThat(backends).hasSizeBetween(1, Database.POOL_SIZE);
    }

    @Test
    void connectionsTheServerTerminatedAreReplaced() throws Exception {
        Set<Integer> before = Set.of(backendServing("SELECT pg_backend_pid()"));

        int terminated = terminateThePoolsBackends();

        assertThat(terminated).isPositive();
        assertThat(db.isUsable()).as("health right after the server dropped the pool's connections").isTrue();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> !before.contains(backendServing("SELECT pg_backend_pid()")));
    }

    private int backendServing(String sql) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int terminateThePoolsBackends() throws SQLException {
        try (Connection admin = DriverManager.getConnection(PostgresTestSchema.baseUrl());
             PreparedStatement ps = admin.prepareStatement("SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid, 5000)) "
                     + "FROM pg_stat_activity WHERE application_name = ?")) {
            ps.setString(1, application);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
