package org.winterwatch.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's pool as the coordinator uses it: health, and what closing means. */
class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void anOpenDatabaseIsUsableAndAClosedOneIsNotAndLendsNoConnection() {
        Database db = Database.embedded(dir).migrate();
        assertThat(db.isUsable()).isTrue();

        db.close();

        assertThat(db.isUsable()).isFalse();
        assertThatThrownBy(db::connect).isInstanceOf(SQLException.class).hasMessageContaining("closed");
    }

    @Test
    void aConnectionGivenBackIsInAutoCommitModeWhateverItsBorrowerLeft() throws Exception {
        try (Database db = Database.embedded(dir).migrate()) {
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
            }

            try (Connection c = db.connect()) {
                assertThat(c.getAutoCommit()).isTrue();
            }
        }
    }
}
