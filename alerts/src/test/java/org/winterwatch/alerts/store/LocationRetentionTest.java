package org.winterwatch.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.book.Dispatch;
import org.winterwatch.alerts.book.Outcome;
import org.winterwatch.alerts.book.Priority;
import org.winterwatch.alerts.wire.AlertJson;

/** Exact locations older than the retention period go; what the service still needs stays (embedded H2 here). */
class LocationRetentionTest {

    private static final Instant NOW = Instant.parse("2026-02-10T03:00:00Z");
    private static final Instant OLD = NOW.minus(Duration.ofDays(40));
    private static final Instant RECENT = NOW.minus(Duration.ofDays(2));

    @TempDir
    Path dir;
    private Database db;
    private AlertStore store;

    /** The database under test: embedded H2 here, PostgreSQL in {@code LocationRetentionPostgresIT}. */
    Database openDatabase() throws Exception {
        return Database.embedded(dir);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void open() throws Exception {
        db = openDatabase().migrate();
        store = new AlertStore(db);
    }

    @Test
    void aMonthOldResolvedAlertKeepsItsSiteAndOutcomeButNotTheExactPlace() throws Exception {
        // resolved 40 days ago after three versions; the outbox still holds nothing for it
        Alert v1 = alert("a-old", 1, OLD.minusSeconds(600), AlertState.OPEN, null);
        Alert v2 = v1.toBuilder().state(AlertState.ACKNOWLEDGED).next(OLD.minusSeconds(300));
        Alert v3 = v2.toBuilder().state(AlertState.RESOLVED).outcome(Outcome.ESCORTED_TO_CENTRE).next(OLD);
        commit(v1, OLD.minusSeconds(600), detection("d-old", "a-old", OLD.minusSeconds(600)));
        commit(v2, OLD.minusSeconds(300));
        commit(v3, OLD);
        // still open, raised 40 days ago and seen again since: a team may be on its way
        Alert open = alert("a-open", 1, OLD, AlertState.OPEN, "thumbs/open.jpg");
        commit(open, OLD, detection("d-open-old", "a-open", OLD));
        Alert openLater = open.toBuilder().next(RECENT);
        commit(openLater, RECENT, detection("d-open-new", "a-open", RECENT));
        // resolved two days ago: within the period
        Alert recent = alert("a-recent", 1, RECENT, AlertState.RESOLVED, "thumbs/recent.jpg");
        commit(recent, RECENT, detection("d-recent", "a-recent", RECENT));

        LocationRetention.Purged purged = new LocationRetention(db).purge(NOW.minus(Duration.ofDays(30)));

        assertThat(purged.detections()).isEqualTo(2);
        assertThat(store.existingKeys(List.of("d-old", "d-open-old", "d-open-new", "d-recent")))
                .containsExactlyInAnyOrder("d-open-new", "d-recent");
        // the old alert: its latest version only, on a 0.001 degree grid, with its site, outcome and times
        assertThat(versionsOf("a-old")).containsExactly(3L);
        Alert kept = store.queries().alert("a-old").orElseThrow();
        assertThat(kept.lat()).isEqualTo(40.088);
        assertThat(kept.lon()).isEqualTo(113.334);
        assertThat(kept.imageRef()).isNull();
        assertThat(kept.siteId()).isEqualTo("atm-01");
        assertThat(kept.outcome()).isEqualTo(Outcome.ESCORTED_TO_CENTRE);
        assertThat(kept.firstSeen()).isEqualTo(v3.firstSeen());
        assertThat(kept.version()).isEqualTo(3);
        // the open alert keeps its exact place and both versions' latest; the recent one keeps everything
        assertThat(store.queries().alert("a-open")).contains(openLater);
        assertThat(versionsOf("a-open")).containsExactly(2L);
        assertThat(store.queries().alert("a-recent")).contains(recent);
        assertThat(purged.versions()).isEqualTo(3);
        assertThat(purged.coarsened()).isEqualTo(1);

        LocationRetention.Purged again = new LocationRetention(db).purge(NOW.minus(Duration.ofDays(30)));
        assertThat(again.isEmpty()).as("a second purge has nothing left to do: %s", again).isTrue();
    }

    @Test
    void aVersionStillWaitingToBePublishedIsKept() throws Exception {
        Alert v1 = alert("a-1", 1, OLD.minusSeconds(60), AlertState.OPEN, null);
        Alert v2 = v1.toBuilder().next(OLD);
        store.commit(new AlertStore.Batch(List.of(), List.of(new AlertStore.AlertRow(v1, AlertJson.write(v1))),
                List.of(new AlertStore.OutboxMessage("ww/v1/alerts/team-a", AlertJson.write(v1), "a-1")), OLD.minusSeconds(60)));
        commit(v2, OLD);

        new LocationRetention(db).purge(NOW.minus(Duration.ofDays(30)));

        assertThat(versionsOf("a-1")).containsExactly(1L, 2L);
        assertThat(store.unsent(10)).extracting(OutboxEntry::payload).containsExactly(AlertJson.write(v1));
    }

    @Test
    void aPeriodShorterThanADayIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocationRetention.checked(Duration.ofHours(12)))
                .hasMessageContaining("location_retention_days must be a whole number of days >= 1, was 0");
        assertThat(LocationRetention.checked(Duration.ofDays(30))).isEqualTo(Duration.ofDays(30));
    }

    private void commit(Alert a, Instant at, AlertStore.StoredDetection... detections) throws Exception {
        store.commit(new AlertStore.Batch(List.of(detections), List.of(new AlertStore.AlertRow(a, AlertJson.write(a))),
                List.of(), at));
    }

    private List<Long> versionsOf(String alertId) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT version FROM alert_versions WHERE alert_id = ? ORDER BY version")) {
            ps.setString(1, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static AlertStore.StoredDetection detection(String id, String alertId, Instant at) {
        return new AlertStore.StoredDetection(id, "drone-1", "thermal", alertId, at, at,
                "{\"id\":\"" + id + "\",\"lat\":40.08812,\"lon\":113.33421}");
    }

    private static Alert alert(String id, long version, Instant at, AlertState state, String imageRef) {
        return new Alert.Builder().alertId(id).state(state).priority(Priority.HIGH).siteId("atm-01")
                .siteName("ICBC ATM lobby").category("atm_lobby")
                .lat(40.08812).lon(113.33421).detectionIds(List.of("d1")).sources(List.of("drone-1"))
                .firstSeen(at).lastSeen(at).teamId("team-a").version(version).updatedAt(at)
                .confidence(0.8).reasons(List.of("confidence 0.80")).dispatch(Dispatch.TEAM).imageRef(imageRef)
                .outcome(state == AlertState.RESOLVED ? Outcome.ON_SITE_AID : null).build();
    }
}
