package org.winterwatch.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.book.Dispatch;
import org.winterwatch.alerts.book.Priority;
import org.winterwatch.alerts.wire.AlertJson;

/** The store's batch writes on the embedded database (PostgreSQL runs the same paths in AlertWorkerPostgresIT). */
class AlertStoreTest {

    private static final Instant T = Instant.parse("2026-01-05T19:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private AlertStore store;

    @BeforeEach
    void open() {
        db = Database.embedded(dir).migrate();
        store = new AlertStore(db);
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    @Test
    void duplicateLookupFindsExactlyTheStoredKeysForListsOfEverySize() throws Exception {
        List<AlertStore.StoredDetection> rows = new ArrayList<>();
        for (int i = 0; i < 40; i += 2) {
            rows.add(detection("d-" + i, "a-1"));
        }
        Alert a = alert("a-1", 1);
        store.commit(new AlertStore.Batch(rows, List.of(new AlertStore.AlertRow(a, AlertJson.write(a))), List.of(), T));

        // sizes that are not powers of two are padded for the statement cache; the padding must not add or lose keys
        for (int size : new int[] {1, 2, 3, 5, 7, 17, 31, 40}) {
            List<String> asked = new ArrayList<>();
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < size; i++) {
                asked.add("d-" + i);
                if (i % 2 == 0) {
                    expected.add("d-" + i);
                }
            }
            assertThat(store.existingKeys(asked)).as("lookup of %d keys", size).isEqualTo(expected);
        }
        assertThat(store.existingKeys(List.of("d-1"))).isEmpty();
    }

    @Test
    void aBatchWithNewAndKnownAlertsLeavesEachAtItsLatestVersion() throws Exception {
        Alert first = alert("a-1", 1);
        store.commit(new AlertStore.Batch(List.of(detection("d-1", "a-1")),
                List.of(new AlertStore.AlertRow(first, AlertJson.write(first))), List.of(), T));

        // one batch: a known alert changes, a new one appears (already at version 3 within the batch)
        Alert changed = first.toBuilder().state(AlertState.ACKNOWLEDGED).next(T.plusSeconds(60));
        Alert fresh = alert("a-2", 3);
        store.commit(new AlertStore.Batch(List.of(detection("d-2", "a-2")), List.of(
                new AlertStore.AlertRow(changed, AlertJson.write(changed)),
                new AlertStore.AlertRow(fresh, AlertJson.write(fresh))), List.of(), T.plusSeconds(60)));

        assertThat(store.queries().alert("a-1")).contains(changed);
        assertThat(store.queries().alert("a-2")).contains(fresh);
        assertThat(store.queries().alerts(null)).hasSize(2);
        assertThat(store.queries().alerts(AlertState.ACKNOWLEDGED)).extracting(Alert::alertId).containsExactly("a-1");
        assertThat(store.queries().countBy("state")).containsEntry("acknowledged", 1L).containsEntry("open", 1L);
    }

    @Test
    void markedRowsLeaveTheOutboxAndOnlyThose() throws Exception {
        Alert a = alert("a-1", 1);
        List<OutboxEntry> queued = store.commit(new AlertStore.Batch(List.of(), List.of(new AlertStore.AlertRow(a,
                AlertJson.write(a))), List.of(
                new AlertStore.OutboxMessage("ww/v1/alerts/team-a", AlertJson.write(a), "a-1"),
                new AlertStore.OutboxMessage("ww/v1/alerts/team-b", AlertJson.write(a), "a-1"),
                new AlertStore.OutboxMessage("ww/v1/deadletter", "{\"reason\":\"bad\"}")), T));

        store.markSent(List.of(queued.get(0).seq(), queued.get(2).seq()));

        assertThat(store.unsent(10)).extracting(OutboxEntry::topic, OutboxEntry::payload)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ww/v1/alerts/team-b", AlertJson.write(a)));
        assertThat(store.queries().unsentCount()).isEqualTo(1);
    }

    private static AlertStore.StoredDetection detection(String id, String alertId) {
        return new AlertStore.StoredDetection(id, "drone-1", "thermal", alertId, T, T, "{\"id\":\"" + id + "\"}");
    }

    private static Alert alert(String id, long version) {
        return new Alert.Builder().alertId(id).state(AlertState.OPEN).priority(Priority.HIGH)
                .lat(40.09).lon(113.33).detectionIds(List.of("d1")).sources(List.of("drone-1"))
                .firstSeen(T).lastSeen(T).teamId("team-a").version(version).updatedAt(T)
                .confidence(0.8).reasons(List.of("confidence 0.80")).dispatch(Dispatch.TEAM).build();
    }
}
