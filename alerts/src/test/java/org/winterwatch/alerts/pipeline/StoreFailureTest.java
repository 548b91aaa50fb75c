package org.winterwatch.alerts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.store.Database;

/** The one place that tells a database away (keep the batch) from a value it refuses (settle the item). */
class StoreFailureTest {

    @TempDir
    Path dir;

    @Test
    void aRefusedValueIsTheDatasFaultAndALostConnectionIsAnOutage() {
        assertThat(StoreFailure.of(new SQLException("duplicate key", "23505"))).isEqualTo(StoreFailure.DATA);
        assertThat(StoreFailure.of(new SQLException("value too long", "22001"))).isEqualTo(StoreFailure.DATA);
        assertThat(StoreFailure.of(new SQLException("I/O error", "08006"))).isEqualTo(StoreFailure.OUTAGE);
        assertThat(StoreFailure.of(new SQLException("wrapped", "XX000", new SQLException("refused", "08001"))))
                .isEqualTo(StoreFailure.OUTAGE);
        assertThat(StoreFailure.of(new IllegalStateException("a bug of ours"))).isEqualTo(StoreFailure.DATA);
    }

    @Test
    void aClosedDatabaseIsAnOutage() {
        Database db = Database.embedded(dir).migrate();
        db.close();

        assertThatThrownBy(db::connect).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(StoreFailure.of(e)).isEqualTo(StoreFailure.OUTAGE));
    }
}
