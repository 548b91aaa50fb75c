package org.winterwatch.coordinator.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.AlertReads;
import org.winterwatch.alerts.clocks.SourceClocks;
import org.winterwatch.alerts.store.AlertStore;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.missions.sweep.JdbcSweepRepository;

/** What a standby's scrape shows, and what any scrape shows while the database is away. */
class StateGaugesTest {

    @TempDir
    Path dir;

    @Test
    void aStandbyShowsTheStoredFiguresAndItsConfiguredDronesAsUnknown() {
        try (Database db = Database.embedded(dir).migrate()) {
            PrometheusText metrics = PrometheusText.parse(standbyGauges(db).scrape());

            assertThat(metrics.sum("ww_coordinator_active", Map.of())).isZero();
            assertThat(metrics.sum("ww_database_up", Map.of())).isEqualTo(1);
            assertThat(metrics.family("ww_alerts").samples()).hasSize(16).allSatisfy(s -> assertThat(s.value()).isZero());
            assertThat(metrics.sum("ww_sweeps", Map.of())).isZero();
            assertThat(metrics.sum("ww_drone_link_up", Map.of("drone", "drone-1"))).isZero();
            assertThat(metrics.sum("ww_drone_battery_percent", Map.of("drone", "drone-1"))).isNaN();
            assertThat(metrics.sum("ww_broker_connected", Map.of())).isZero();
        }
    }

    @Test
    void aDatabaseThatCannotBeReadLeavesItsFiguresUnknownAndTheRestShown() {
        Database db = Database.embedded(dir).migrate();
        StateGauges gauges = standbyGauges(db);
        db.close();

        PrometheusText metrics = PrometheusText.parse(gauges.scrape());

        assertThat(metrics.sum("ww_database_up", Map.of())).isZero();
        assertThat(metrics.sum("ww_alerts", Map.of("state", "open", "priority", "critical"))).isNaN();
        assertThat(metrics.sum("ww_outbox_unsent", Map.of())).isNaN();
        assertThat(metrics.sum("ww_source_clocks_ahead", Map.of())).isZero();
        assertThat(metrics.has("ww_drone_link_up")).isTrue();
    }

    private static StateGauges standbyGauges(Database db) {
        JdbcSweepRepository.migrate(db.dataSource());
        return new StateGauges(new CoordinatorMeters().registry(), new AlertReads(new AlertStore(db)),
                new JdbcSweepRepository(db.dataSource()), new SourceClocks(), () -> null, Clock.systemUTC(),
                List.of("drone-1"));
    }
}
