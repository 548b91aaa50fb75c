package org.winterwatch.missions.sweep;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The sweep store on the real PostgreSQL on this machine (127.0.0.1:5432, database test, trust auth;
 * {@code WW_TEST_PG_URL} overrides), each test in a fresh schema dropped after it.
 */
class JdbcSweepRepositoryPostgresIT extends SweepStoreContract {

    private String schema;

    private static String baseUrl() {
        String url = System.getenv("WW_TEST_PG_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres" : url;
    }

    @Override
    SweepRepository repository() throws Exception {
        schema = "ww_it_sweeps_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(baseUrl() + "&currentSchema=" + schema);
        JdbcSweepRepository.migrate(ds);
        return new JdbcSweepRepository(ds);
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
