package org.winterwatch.missions.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSweepRepositoryTest extends SweepStoreContract {

    @TempDir
    Path dir;

    private JdbcDataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("winterwatch") + ";DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser("sa");
        return ds;
    }

    @Override
    SweepRepository repository() {
        JdbcDataSource ds = dataSource();
        JdbcSweepRepository.migrate(ds);
        return new JdbcSweepRepository(ds);
    }

    @Test
    void theSweepTablesJoinADatabaseThatAlreadyHoldsOtherTablesAndMigrateOnce() throws Exception {
        JdbcDataSource ds = dataSource();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE alerts (alert_id VARCHAR(64) PRIMARY KEY)");
        }

        JdbcSweepRepository.migrate(ds);
        JdbcSweepRepository.migrate(ds);

        SweepRepository repo = new JdbcSweepRepository(ds);
        Sweep sweep = flown("s-x", T0);
        repo.save(sweep, sweep.drainTransitions());
        assertThat(repo.find("s-x")).isPresent();
    }
}
