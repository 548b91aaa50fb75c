package org.winterwatch.coordinator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.coordinator.alerts.Alert;
import org.winterwatch.coordinator.alerts.AlertBook;
import org.winterwatch.coordinator.alerts.AlertPolicy;
import org.winterwatch.coordinator.alerts.DetectionParser;
import org.winterwatch.coordinator.store.AlertStore;
import org.winterwatch.coordinator.store.Database;
import org.winterwatch.coordinator.store.OutboxEntry;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.SiteLayer;

/** The detection path against a real (embedded H2) database: idempotency, dead letters, the outbox, restarts. */
class DetectionIngestTest {

    private static final Instant NOW = Instant.parse("2026-01-05T19:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SiteLayer demo = SiteLayers.demoLayer();
    private final List<String> deadLetters = new CopyOnWriteArrayList<>();

    @TempDir
    Path dataDir;
    private Database db;
    private AlertStore store;

    @BeforeEach
    void database() {
        db = Database.embedded(dataDir).migrate();
        store = new AlertStore(db);
    }

    private DetectionIngest ingest() throws Exception {
        AlertBook book = new AlertBook(demo, AlertPolicy.defaults(), () -> -18.0);
        book.restore(store.alerts(null));
        return new DetectionIngest(new DetectionParser(clock, Duration.ofHours(6)), book, store,
                (topic, reason, payload) -> deadLetters.add(topic + " " + reason), () -> { }, clock, "ww/v1");
    }

    private byte[] detection(String id, LatLon p) {
        return ("{\"id\":\"" + id + "\",\"source\":\"drone-1\",\"kind\":\"thermal\",\"lat\":" + p.lat() + ",\"lon\":" + p.lon()
                + ",\"observedAt\":\"2026-01-05T18:59:00Z\",\"confidence\":0.8}").getBytes(StandardCharsets.UTF_8);
    }

    private LatLon aSite() {
        return demo.patrolSites().get(0).anchor();
    }

    @Test
    void aDetectionBecomesAStoredAlertWithAnOutboxMessageForItsTeam() throws Exception {
        DetectionIngest ingest = ingest();

        boolean ack = ingest.handle("ww/v1/detections/drone-1", detection("d-1", aSite()));

        assertThat(ack).isTrue();
        List<Alert> alerts = store.alerts(null);
        assertThat(alerts).hasSize(1);
        List<OutboxEntry> outbox = store.unsent(10);
        assertThat(outbox).hasSize(1);
        assertThat(outbox.get(0).topic()).isEqualTo("ww/v1/alerts/" + alerts.get(0).teamId());
        assertThat(outbox.get(0).payload()).contains(alerts.get(0).alertId()).contains("\"version\":1");
    }

    @Test
    void redeliveredDetectionChangesNothing() throws Exception {
        DetectionIngest ingest = ingest();
        ingest.handle("ww/v1/detections/drone-1", detection("d-1", aSite()));

        boolean ack = ingest.handle("ww/v1/detections/drone-1", detection("d-1", aSite()));

        assertThat(ack).as("a duplicate is acknowledged so the broker stops redelivering it").isTrue();
        assertThat(store.alerts(null)).singleElement().satisfies(a -> assertThat(a.version()).isEqualTo(1));
        assertThat(store.unsent(10)).hasSize(1);
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void redeliveryAfterARestartChangesNothingEither() throws Exception {
        ingest().handle("ww/v1/detections/drone-1", detection("d-1", aSite()));

        DetectionIngest afterRestart = ingest();
        afterRestart.handle("ww/v1/detections/drone-1", detection("d-1", aSite()));
        afterRestart.handle("ww/v1/detections/drone-1", detection("d-2", aSite()));

        List<Alert> alerts = store.alerts(null);
        assertThat(alerts).as("the second detection folds into the alert raised before the restart").hasSize(1);
        assertThat(alerts.get(0).detectionIds()).containsExactly("d-1", "d-2");
        assertThat(alerts.get(0).version()).isEqualTo(2);
    }

    @Test
    void malformedDetectionsGoToTheDeadLetterTopicAndNothingIsStored() throws Exception {
        DetectionIngest ingest = ingest();

        boolean ack = ingest.handle("ww/v1/detections/drone-1", "{\"id\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(ack).isTrue();
        assertThat(deadLetters).singleElement().asString().startsWith("ww/v1/detections/drone-1 id: must be a string");
        assertThat(store.alerts(null)).isEmpty();
        assertThat(store.unsent(10)).isEmpty();
    }

    @Test
    void aSentOutboxMessageIsNotSentAgain() throws Exception {
        ingest().handle("ww/v1/detections/drone-1", detection("d-1", aSite()));
        OutboxEntry entry = store.unsent(10).get(0);

        store.markSent(entry.seq(), NOW);

        assertThat(store.unsent(10)).isEmpty();
    }
}
