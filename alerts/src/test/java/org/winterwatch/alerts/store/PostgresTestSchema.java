package org.winterwatch.alerts.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh schema in the real PostgreSQL on this machine (127.0.0.1:5432, database test, trust auth;
 * {@code WW_TEST_PG_URL} overrides) for one test, dropped after it: register it with {@code @RegisterExtension}.
 */
public final class PostgresTestSchema implements AfterEachCallback {

    private String schema;

    public static String baseUrl() {
        String url = System.getenv("WW_TEST_PG_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres" : url;
    }

    /** Creates the schema; returns the database inside it. */
    public Database create() throws SQLException {
        schema = "ww_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return Database.of(baseUrl() + "&currentSchema=" + schema, null, null);
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        if (schema == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
        schema = null;
    }
}
