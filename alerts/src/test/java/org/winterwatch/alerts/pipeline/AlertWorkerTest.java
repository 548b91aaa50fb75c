package org.winterwatch.alerts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.Topics;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertBook;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.book.Teams;
import org.winterwatch.alerts.book.Weather;
import org.winterwatch.alerts.store.AlertStore;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.alerts.store.OutboxEntry;
import org.winterwatch.alerts.wire.DetectionParser;
import org.winterwatch.alerts.wire.TipParser;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.SiteLayer;

/** The alert worker against a real embedded H2 database: batches, idempotency, dead letters, the outbox, restarts. */
class AlertWorkerTest {

    // package-private so that the PostgreSQL variant can run the same tests

    private static final Instant NOW = Instant.parse("2026-01-05T19:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SiteLayer demo = SiteLayers.demoLayer();
    private final AtomicInteger brokerAcks = new AtomicInteger();

    @TempDir
    Path dataDir;
    private Database db;
    private AlertStore store;

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void database() throws Exception {
        db = openDatabase().migrate();
        store = new AlertStore(db);
    }

    /** The database under test: embedded H2 here, PostgreSQL in {@code AlertWorkerPostgresIT}. */
    Database openDatabase() throws Exception {
        return Database.embedded(dataDir);
    }

    /** A worker as after a (re)start: its alert book rebuilt from what the database holds. */
    private AlertWorker worker() throws Exception {
        AlertPolicy policy = AlertPolicy.defaults();
        AlertBook book = new AlertBook(demo, policy, new Teams(List.of(), policy), new Weather(-18));
        book.restore(store.queries().alerts(null));
        return new AlertWorker(book, store, new DetectionParser(clock, Duration.ofHours(6)),
                new TipParser(clock, Duration.ofHours(6)), clock, new Topics("ww/v1"), committed -> { });
    }

    private Work.Inbound detection(String id, LatLon p) {
        String json = "{\"id\":\"" + id + "\",\"source\":\"drone-1\",\"kind\":\"thermal\",\"lat\":" + p.lat() + ",\"lon\":"
                + p.lon() + ",\"observedAt\":\"2026-01-05T18:59:00Z\",\"confidence\":0.9}";
        return inbound("ww/v1/detections/drone-1", json, Work.Route.DETECTION);
    }

    private Work.Inbound inbound(String topic, String json, Work.Route route) {
        return new Work.Inbound(topic, json.getBytes(StandardCharsets.UTF_8), route, brokerAcks::incrementAndGet);
    }

    private LatLon aSite() {
        return demo.patrolSites().get(0).anchor();
    }

    private List<OutboxEntry> outboxOn(String topicPrefix) throws Exception {
        return store.unsent(10_000).stream().filter(e -> e.topic().startsWith(topicPrefix)).toList();
    }

    @Test
    void aDetectionBecomesAStoredAlertWithAnOutboxMessageForItsTeam() throws Exception {
        boolean committed = worker().process(List.of(detection("d-1", aSite())));

        assertThat(committed).isTrue();
        assertThat(brokerAcks).hasValue(1);
        Alert alert = store.queries().alerts(null).get(0);
        assertThat(outboxOn("ww/v1/alerts/")).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo("ww/v1/alerts/" + alert.teamId());
            assertThat(e.payload()).contains(alert.alertId()).contains("\"version\":1");
        });
    }

    @Test
    void redeliveredDetectionsChangeNothingInOneBatchAcrossBatchesAndAfterARestart() throws Exception {
        worker().process(List.of(detection("d-1", aSite()), detection("d-1", aSite())));
        worker().process(List.of(detection("d-1", aSite())));

        assertThat(brokerAcks).as("duplicates are acknowledged so the broker stops resending").hasValue(3);
        assertThat(store.queries().alerts(null)).singleElement().satisfies(a -> assertThat(a.version()).isEqualTo(1));
        assertThat(outboxOn("ww/v1/alerts/")).hasSize(1);
        assertThat(outboxOn("ww/v1/deadletter")).isEmpty();
    }

    @Test
    void aDetectionAfterARestartFoldsIntoTheAlertRaisedBefore() throws Exception {
        worker().process(List.of(detection("d-1", aSite())));

        worker().process(List.of(detection("d-2", aSite())));

        assertThat(store.queries().alerts(null)).singleElement().satisfies(a -> {
            assertThat(a.detectionIds()).containsExactly("d-1", "d-2");
            assertThat(a.version()).isEqualTo(2);
        });
    }

    @Test
    void malformedMessagesAreDeadLetteredDurablyAndAcknowledged() throws Exception {
        worker().process(List.of(
                inbound("ww/v1/detections/drone-1", "{\"id\":1}", Work.Route.DETECTION),
                inbound("ww/v1/tips", "not json", Work.Route.TIP),
                inbound("ww/v1/acks/team-north", "{\"alertId\":\"a-x\",\"action\":\"sleep\"}", Work.Route.ACK)));

        assertThat(brokerAcks).hasValue(3);
        assertThat(store.queries().alerts(null)).isEmpty();
        assertThat(outboxOn("ww/v1/deadletter")).extracting(OutboxEntry::payload).satisfiesExactly(
                p -> assertThat(p).contains("id: must be a string").contains("\"topic\":\"ww/v1/detections/drone-1\""),
                p -> assertThat(p).contains("not valid JSON"),
                p -> assertThat(p).contains("action: 'sleep' is not ack, arrive, resolve or handover"));
    }

    @Test
    void aTeamsAckOverMqttIsANewVersionOnItsTopic() throws Exception {
        AlertWorker worker = worker();
        worker.process(List.of(detection("d-1", aSite())));
        Alert alert = store.queries().alerts(null).get(0);

        worker.process(List.of(inbound("ww/v1/acks/" + alert.teamId(),
                "{\"alertId\":\"" + alert.alertId() + "\",\"action\":\"ack\",\"by\":\"li.wei\"}", Work.Route.ACK)));

        assertThat(store.queries().alerts(null)).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.ACKNOWLEDGED);
            assertThat(a.version()).isEqualTo(2);
            assertThat(a.lastActionBy()).isEqualTo("li.wei");
        });
        assertThat(outboxOn("ww/v1/alerts/" + alert.teamId())).hasSize(2);
    }

    @Test
    void anAckOrResolveDeliveredThreeTimesChangesTheAlertOnce() throws Exception {
        AlertWorker worker = worker();
        worker.process(List.of(detection("d-1", aSite())));
        Alert alert = store.queries().alerts(null).get(0);
        String topic = "ww/v1/acks/" + alert.teamId();
        String ack = "{\"alertId\":\"" + alert.alertId() + "\",\"action\":\"ack\",\"by\":\"li.wei\"}";
        String resolve = "{\"alertId\":\"" + alert.alertId() + "\",\"action\":\"resolve\",\"by\":\"li.wei\","
                + "\"outcome\":\"escorted_to_centre\",\"items\":[\"blanket\"]}";

        // a phone on a bad link sends again what it got no PUBACK for: in one batch, and in later ones
        worker.process(List.of(inbound(topic, ack, Work.Route.ACK), inbound(topic, ack, Work.Route.ACK)));
        worker.process(List.of(inbound(topic, ack, Work.Route.ACK)));
        worker.process(List.of(inbound(topic, resolve, Work.Route.ACK)));
        worker.process(List.of(inbound(topic, resolve, Work.Route.ACK), inbound(topic, resolve, Work.Route.ACK)));

        assertThat(store.queries().alerts(null)).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(a.version()).isEqualTo(3);
        });
        assertThat(outboxOn("ww/v1/alerts/" + alert.teamId())).hasSize(3);
        assertThat(outboxOn("ww/v1/deadletter")).isEmpty();
    }

    @Test
    void anAckForAnUnknownAlertIsDeadLettered() throws Exception {
        worker().process(List.of(inbound("ww/v1/acks/team-north", "{\"alertId\":\"a-nope\",\"action\":\"ack\"}", Work.Route.ACK)));

        assertThat(outboxOn("ww/v1/deadletter")).singleElement().satisfies(e -> assertThat(e.payload()).contains("no alert 'a-nope'"));
    }

    @Test
    void whenTheDatabaseFailsNothingIsAcknowledgedAndTheRetrySucceeds() throws Exception {
        AlertWorker worker = worker();
        List<Work> batch = new ArrayList<>(List.of(detection("d-1", aSite())));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE outbox RENAME TO outbox_away");
        }

        boolean first = worker.process(batch);

        assertThat(first).isFalse();
        assertThat(brokerAcks).as("the broker keeps the message until it is stored").hasValue(0);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE outbox_away RENAME TO outbox");
        }
        assertThat(store.queries().alerts(null)).isEmpty();

        boolean retry = worker.process(batch);

        assertThat(retry).isTrue();
        assertThat(brokerAcks).hasValue(1);
        assertThat(store.queries().alerts(null)).singleElement().satisfies(a -> assertThat(a.version()).isEqualTo(1));
        assertThat(outboxOn("ww/v1/alerts/")).hasSize(1);
    }

    @Test
    void aTipOverHttpRaisesAnAlertAndARepeatIsADuplicate() throws Exception {
        AlertWorker worker = worker();
        LatLon p = aSite();
        byte[] tip = ("{\"id\":\"tip-1\",\"reporter\":\"courier-17\",\"reporterRole\":\"courier\",\"lat\":" + p.lat()
                + ",\"lon\":" + p.lon() + ",\"observedAt\":\"2026-01-05T18:58:00Z\",\"note\":\"old man under the bridge, not moving\"}")
                .getBytes(StandardCharsets.UTF_8);
        CompletableFuture<TipResult> first = new CompletableFuture<>();
        CompletableFuture<TipResult> second = new CompletableFuture<>();

        worker.process(List.of(new Work.HttpTip(tip, first)));
        worker.process(List.of(new Work.HttpTip(tip, second)));

        assertThat(first.join().alert().flags()).containsExactly("injury", "elderly");
        assertThat(first.join().alert().dispatch().wireName()).isEqualTo("team");
        assertThat(second.join().duplicate()).isTrue();
        assertThat(store.queries().alerts(null)).hasSize(1);
    }

    private byte[] tipFrom(String reporter, String id) {
        LatLon p = aSite();
        return ("{\"id\":\"" + id + "\",\"reporter\":\"" + reporter + "\",\"reporterRole\":\"courier\",\"lat\":" + p.lat()
                + ",\"lon\":" + p.lon() + ",\"observedAt\":\"2026-01-05T18:58:00Z\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Makes the database refuse sources longer than 20 characters, as a value it cannot take would. */
    private void narrowTheSourceColumn() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE detections ALTER COLUMN source SET DATA TYPE VARCHAR(20)");
        }
    }

    @Test
    void aTipTheDatabaseRefusesIsAnsweredInOneCycleAndTheDetectionsBehindItAreStored() throws Exception {
        narrowTheSourceColumn();
        AlertWorker worker = worker();
        CompletableFuture<TipResult> tip = new CompletableFuture<>();
        List<Work> batch = new ArrayList<>(List.of(new Work.HttpTip(tipFrom("a-reporter-of-thirty-chars-xx", "tip-1"), tip),
                detection("d-1", aSite())));

        List<Work> left = worker.handle(batch);

        assertThat(left).as("nothing is kept for another cycle").isEmpty();
        assertThat(tip).isCompleted();
        assertThat(tip.join().refusal()).startsWith("could not be stored");
        assertThat(brokerAcks).as("the detection behind the tip was stored and acknowledged").hasValue(1);
        assertThat(store.queries().alerts(null)).singleElement()
                .satisfies(a -> assertThat(a.detectionIds()).containsExactly("d-1"));
    }

    @Test
    void anMqttMessageTheDatabaseRefusesIsDeadLetteredThroughTheOutboxAndAcknowledged() throws Exception {
        narrowTheSourceColumn();
        AlertWorker worker = worker();
        Work.Inbound refused = inbound("ww/v1/tips", new String(tipFrom("a-reporter-of-thirty-chars-xx", "tip-2"),
                StandardCharsets.UTF_8), Work.Route.TIP);

        List<Work> left = worker.handle(new ArrayList<>(List.of(refused, detection("d-1", aSite()))));

        assertThat(left).isEmpty();
        assertThat(brokerAcks).as("both messages acknowledged, so the broker stops resending").hasValue(2);
        assertThat(outboxOn("ww/v1/deadletter")).singleElement().satisfies(e -> {
            assertThat(e.payload()).contains("\"topic\":\"ww/v1/tips\"").contains("could not be stored").contains("tip-2");
        });
        assertThat(store.queries().alerts(null)).hasSize(1);
    }

    @Test
    void whileTheDatabaseIsAwayTheWholeBatchIsKeptAndNothingIsAcknowledged() throws Exception {
        AlertWorker worker = worker();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE outbox RENAME TO outbox_away");
        }
        List<Work> batch = new ArrayList<>(List.of(detection("d-1", aSite()), detection("d-2", aSite())));

        List<Work> left = worker.handle(batch);

        assertThat(left).containsExactlyElementsOf(batch);
        assertThat(brokerAcks).hasValue(0);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE outbox_away RENAME TO outbox");
        }
        assertThat(outboxOn("ww/v1/deadletter")).as("nothing was refused for a missing table").isEmpty();
    }

    @Test
    void aTipWithAnOverlongReporterIsRefusedNamingTheField() throws Exception {
        CompletableFuture<TipResult> tip = new CompletableFuture<>();

        worker().handle(new ArrayList<>(List.of(new Work.HttpTip(tipFrom("r".repeat(300), "tip-3"), tip))));

        assertThat(tip.join().refusal()).isEqualTo("reporter: longer than 100 characters");
        assertThat(store.queries().alerts(null)).isEmpty();
    }

    @Test
    void aMessageOnATopicNoHandlerTakesIsDeadLetteredThroughTheOutboxThenAcknowledged() throws Exception {
        worker().handle(new ArrayList<>(List.of(inbound("ww/v1/detections/sensor-1/extra", "{}", Work.Route.UNROUTED))));

        assertThat(brokerAcks).hasValue(1);
        assertThat(outboxOn("ww/v1/deadletter")).singleElement().satisfies(e -> assertThat(e.payload())
                .contains("\"topic\":\"ww/v1/detections/sensor-1/extra\"").contains("no handler for this topic"));
    }

    @Test
    void theWorkInHandShowsHowLongItHasWaitedWhileTheDatabaseIsAwayAndNothingOnceItIsBack() throws Exception {
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);
        AlertWorker worker = worker().withNanos(nanos::get).start();
        try {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE outbox RENAME TO outbox_away");
            }
            worker.accept("ww/v1/detections/drone-1", detection("d-1", aSite()).payload(), Work.Route.DETECTION,
                    brokerAcks::incrementAndGet);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(worker::holding);

            nanos.addAndGet(Duration.ofSeconds(31).toNanos());

            assertThat(worker.waitingFor()).isGreaterThanOrEqualTo(Duration.ofSeconds(31));
            assertThat(brokerAcks).hasValue(0);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE outbox_away RENAME TO outbox");
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> brokerAcks.get() == 1);
            assertThat(worker.waitingFor()).isEqualTo(Duration.ZERO);
        } finally {
            worker.close();
        }
    }
}
