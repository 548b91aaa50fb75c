package org.winterwatch.alerts.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The retention tests against the real PostgreSQL on this machine, each in a fresh schema dropped afterwards. */
class LocationRetentionPostgresIT extends LocationRetentionTest {

    @RegisterExtension
    final PostgresTestSchema schema = new PostgresTestSchema();

    @Override
    Database openDatabase() throws Exception {
        return schema.create();
    }
}
