package org.winterwatch.alerts.pipeline;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.alerts.store.PostgresTestSchema;

/** The alert worker's tests against the real PostgreSQL on this machine, each in a fresh schema dropped afterwards. */
class AlertWorkerPostgresIT extends AlertWorkerTest {

    @RegisterExtension
    final PostgresTestSchema schema = new PostgresTestSchema();

    @Override
    Database openDatabase() throws Exception {
        return schema.create();
    }
}
