package org.winterwatch.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.book.Dispatch;
import org.winterwatch.alerts.book.Priority;
import org.winterwatch.alerts.wire.AlertJson;

/** A database written by the previous release (schema version 2) keeps its alerts and unsent messages on upgrade. */
class MigrationTest {

    @TempDir
    Path dir;

    @Test
    void alertsAndUnsentAlertMessagesOfTheLastReleaseSurviveTheUpgrade() throws Exception {
        Database db = Database.embedded(dir);
        try (Connection c = db.connect()) {
            Flyway.configure().dataSource(c.getMetaData().getURL(), "sa", "").locations("classpath:db/migration")
                    .target("2").load().migrate();
        }
        Instant t = Instant.parse("2026-01-05T19:00:00Z");
        Alert alert = new Alert.Builder().alertId("a-old").state(AlertState.ACKNOWLEDGED).priority(Priority.HIGH)
                .lat(40.09).lon(113.33).detectionIds(List.of("d1", "d2")).sources(List.of("drone-1"))
                .firstSeen(t).lastSeen(t.plusSeconds(60)).teamId("team-centre").version(3).updatedAt(t.plusSeconds(90))
                .confidence(0.8).reasons(List.of("confidence 0.80")).dispatch(Dispatch.TEAM).build();
        String body = AlertJson.write(alert);
        try (Connection c = db.connect()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alerts (alert_id, state, priority, dispatch, team_id, "
                    + "version, first_seen, updated_at, body) VALUES ('a-old','acknowledged','high','team','team-centre',3,?,?,?)")) {
                ps.setTimestamp(1, Timestamp.from(t));
                ps.setTimestamp(2, Timestamp.from(t.plusSeconds(90)));
                ps.setString(3, body);
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO outbox (topic, payload, created_at) VALUES "
                        + "('ww/v1/deadletter', '{\"reason\":\"x\"}', CURRENT_TIMESTAMP)");
            }
        }

        db.migrate();
        AlertStore store = new AlertStore(db);

        assertThat(store.queries().alerts(null)).containsExactly(alert);
        assertThat(store.queries().alerts(AlertState.ACKNOWLEDGED)).extracting(Alert::alertId).containsExactly("a-old");
        assertThat(store.unsent(10)).extracting(OutboxEntry::topic, OutboxEntry::payload)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ww/v1/deadletter", "{\"reason\":\"x\"}"));
        // and the next version is appended after the migrated one
        Alert next = alert.toBuilder().state(AlertState.RESOLVED).outcome(org.winterwatch.alerts.book.Outcome.ON_SITE_AID)
                .next(t.plusSeconds(200));
        List<OutboxEntry> sent = store.commit(new AlertStore.Batch(List.of(), List.of(new AlertStore.AlertRow(next,
                AlertJson.write(next))), List.of(new AlertStore.OutboxMessage("ww/v1/alerts/team-centre", AlertJson.write(next),
                next.alertId())), t.plusSeconds(200)));
        assertThat(store.queries().alerts(null)).containsExactly(next);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).seq()).isGreaterThan(store.unsent(10).get(0).seq());
        assertThat(store.unsent(10)).extracting(OutboxEntry::payload).containsExactly("{\"reason\":\"x\"}", AlertJson.write(next));
        store.close();
    }
}
