package org.winterwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.book.Weather;
import org.winterwatch.alerts.clocks.SourceClocks;
import org.winterwatch.alerts.pipeline.DeadLettered;
import org.winterwatch.alerts.pipeline.Work;
import org.winterwatch.alerts.store.AlertStore;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;

/** The facade on its own: an embedded H2 database and a publisher that records, no broker and no framework. */
class AlertPipelineTest {

    private static final Instant NOW = Instant.parse("2026-01-05T19:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final AtomicInteger acks = new AtomicInteger();

    @TempDir
    Path dataDir;
    private Database db;
    private AlertStore store;
    private AlertPipeline pipeline;

    @BeforeEach
    void start() throws Exception {
        db = Database.embedded(dataDir).migrate();
        store = new AlertStore(db);
        AlertPipeline.Settings settings = new AlertPipeline.Settings(new Topics("ww/v1"), SiteLayers.demoLayer(),
                AlertPolicy.defaults(), List.of(), Duration.ofHours(6), Duration.ofMinutes(2));
        pipeline = AlertPipeline.start(settings, store, new Weather(-18), new SourceClocks(), publisher, clock);
    }

    @AfterEach
    void stop() {
        pipeline.close();
        db.close();
    }

    @Test
    void aDetectionBecomesAnAlertPublishedToItsTeamAndIsAcknowledgedAfterTheCommit() throws Exception {
        LatLon site = SiteLayers.demoLayer().patrolSites().get(0).anchor();
        String json = "{\"id\":\"d-1\",\"source\":\"drone-1\",\"kind\":\"thermal\",\"lat\":" + site.lat() + ",\"lon\":"
                + site.lon() + ",\"observedAt\":\"2026-01-05T18:59:00Z\",\"confidence\":0.9}";

        pipeline.accept("ww/v1/detections/drone-1", json.getBytes(StandardCharsets.UTF_8), acks::incrementAndGet);

        await().atMost(Duration.ofSeconds(10)).until(() -> acks.get() == 1 && !publisher.sent.isEmpty());
        assertThat(publisher.sent.get(0).topic()).startsWith("ww/v1/alerts/");
        assertThat(new AlertReads(store).alerts(null)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> new AlertReads(store).unsentCount() == 0);
    }

    @Test
    void aMessageOnATopicNoRouteTakesIsDeadLetteredAndAcknowledged() {
        pipeline.accept("ww/v1/elsewhere", "{}".getBytes(StandardCharsets.UTF_8), acks::incrementAndGet);

        await().atMost(Duration.ofSeconds(10)).until(() -> acks.get() == 1 && !publisher.sent.isEmpty());
        assertThat(publisher.sent.get(0).topic()).isEqualTo("ww/v1/deadletter");
        assertThat(publisher.sent.get(0).payload()).contains("no handler for this topic");
    }

    @Test
    void listenersHearOfEachDeadLetterByRouteAndReasonOnceItIsCommitted() {
        List<DeadLettered> told = new CopyOnWriteArrayList<>();
        pipeline.onDeadLetter(told::add);

        pipeline.accept("ww/v1/elsewhere", "{}".getBytes(StandardCharsets.UTF_8), acks::incrementAndGet);
        pipeline.accept("ww/v1/detections/drone-1", "not json".getBytes(StandardCharsets.UTF_8), acks::incrementAndGet);
        pipeline.accept("ww/v1/acks/team-north", "{\"alertId\":\"a-none\",\"action\":\"ack\"}".getBytes(StandardCharsets.UTF_8),
                acks::incrementAndGet);

        await().atMost(Duration.ofSeconds(10)).until(() -> told.size() == 3);
        assertThat(told).containsExactlyInAnyOrder(
                new DeadLettered(Work.Route.UNROUTED, DeadLettered.Why.NO_HANDLER),
                new DeadLettered(Work.Route.DETECTION, DeadLettered.Why.INVALID),
                new DeadLettered(Work.Route.ACK, DeadLettered.Why.UNKNOWN_ALERT));
        assertThat(publisher.sent).filteredOn(m -> m.topic().equals("ww/v1/deadletter")).hasSize(3);
    }

    @Test
    void tellsDetectionsTipsAndAcksApartByTopic() {
        assertThat(pipeline.routeOf("ww/v1/detections/sensor-7")).hasToString("DETECTION");
        assertThat(pipeline.routeOf("ww/v1/tips")).hasToString("TIP");
        assertThat(pipeline.routeOf("ww/v1/acks/team-north")).hasToString("ACK");
        assertThat(pipeline.routeOf("ww/v1/acks/team-north/extra")).hasToString("UNROUTED");
    }

    private record Sent(String topic, String payload) {
    }

    /** Always connected; acknowledges every publish at once. */
    private static final class RecordingPublisher implements Publisher {
        final List<Sent> sent = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> publish(String topic, String payload) {
            sent.add(new Sent(topic, payload));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public int window() {
            return 10;
        }

        @Override
        public void onConnected(Runnable action) {
            // always connected: nothing to wait for
        }
    }
}
