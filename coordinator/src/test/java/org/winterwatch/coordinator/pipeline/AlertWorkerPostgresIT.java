package org.winterwatch.coordinator.pipeline;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.winterwatch.coordinator.store.Database;

/**
 * The alert worker's tests against the real PostgreSQL on this machine (127.0.0.1:5432, database test, trust
 * auth; {@code WW_TEST_PG_URL} overrides), each test in a fresh schema that is dropped afterwards.
 */
class AlertWorkerPostgresIT extends AlertWorkerTest {

    private String schema;

    static String baseUrl() {
        String url = System.getenv("WW_TEST_PG_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres" : url;
    }

    @Override
    Database openDatabase() throws Exception {
        schema = "ww_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return Database.of(baseUrl() + "&currentSchema=" + schema, null, null);
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
