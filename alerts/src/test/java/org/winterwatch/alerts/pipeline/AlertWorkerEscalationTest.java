package org.winterwatch.alerts.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.Topics;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertBook;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.wire.DetectionParser;
import org.winterwatch.alerts.book.Priority;
import org.winterwatch.alerts.book.TeamZone;
import org.winterwatch.alerts.book.Teams;
import org.winterwatch.alerts.wire.TipParser;
import org.winterwatch.alerts.book.Weather;
import org.winterwatch.alerts.store.AlertStore;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.alerts.store.OutboxEntry;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

/**
 * The alert worker's tick escalates what nobody acknowledged, by the worker's clock, and commits the escalation with
 * its messages to the next team and the control room. Embedded H2; the clock is moved by the test.
 */
class AlertWorkerEscalationTest {

    private static final Instant T0 = Instant.parse("2026-01-05T19:00:00Z");
    private static final String NEXT_TEAM = "team-reserve";

    private final SettableClock clock = new SettableClock(T0);
    private final SiteLayer demo = SiteLayers.demoLayer();
    private final AlertPolicy policy = AlertPolicy.defaults();
    private final Site site = demo.patrolSites().stream().filter(s -> s.team() != null).findFirst().orElseThrow();
    private final List<Alert> committed = new CopyOnWriteArrayList<>();

    @TempDir
    Path dataDir;
    private AlertStore store;
    private AlertWorker worker;

    @BeforeEach
    void worker() throws Exception {
        store = new AlertStore(Database.embedded(dataDir).migrate());
        // a mild night: the ordinary acknowledgement timeout applies
        AlertBook book = new AlertBook(demo, policy, new Teams(List.of(new TeamZone(site.team(), null, NEXT_TEAM)), policy),
                new Weather(-8));
        worker = new AlertWorker(book, store, new DetectionParser(clock, Duration.ofHours(6)),
                new TipParser(clock, Duration.ofHours(6)), clock, new Topics("ww/v1"), entries -> { });
        worker.onAlert(committed::add);
    }

    @AfterEach
    void stop() {
        worker.close();
    }

    @Test
    void aTickAfterTheAckTimeoutCommitsTheEscalationForTheNextTeamAndTheControlRoom() throws Exception {
        // given an alert its team has not acknowledged
        assertThat(worker.process(List.of(detection("d-1")))).isTrue();
        Alert raised = store.queries().alerts(null).get(0);
        assertThat(raised.teamId()).isEqualTo(site.team());
        assertThat(raised.priority()).as("room to escalate").isNotEqualTo(Priority.CRITICAL);
        int messagesBefore = store.unsent(10_000).size();

        // when the worker ticks a second before the timeout, then at it
        clock.set(T0.plus(policy.ackTimeout()).minusSeconds(1));
        assertThat(worker.process(List.of(new Work.Tick()))).isTrue();
        assertThat(store.queries().alerts(null)).singleElement().isEqualTo(raised);
        clock.set(T0.plus(policy.ackTimeout()));
        assertThat(worker.process(List.of(new Work.Tick()))).isTrue();

        // then the escalation is stored, told to listeners, and queued for the next team and the control room
        Alert escalated = store.queries().alerts(null).get(0);
        assertThat(escalated.version()).isEqualTo(raised.version() + 1);
        assertThat(escalated.state()).isEqualTo(AlertState.ESCALATED);
        assertThat(escalated.teamId()).isEqualTo(NEXT_TEAM);
        assertThat(escalated.priority()).isEqualTo(Priority.values()[raised.priority().ordinal() - 1]);
        assertThat(escalated.dispatchedAt()).isEqualTo(clock.instant());
        assertThat(escalated.reasons()).contains("not acknowledged by " + site.team() + " within "
                + policy.ackTimeout().toMinutes() + " min: escalated to " + NEXT_TEAM);
        assertThat(committed).last().isEqualTo(escalated);
        List<OutboxEntry> sent = store.unsent(10_000);
        assertThat(sent.subList(messagesBefore, sent.size()))
                .extracting(OutboxEntry::topic)
                .containsExactly("ww/v1/alerts/" + NEXT_TEAM, "ww/v1/alerts/" + policy.controlRoomTeam());
        assertThat(sent.subList(messagesBefore, sent.size())).allSatisfy(e -> assertThat(e.payload())
                .contains(escalated.alertId()).contains("\"version\":" + escalated.version()).contains("escalated"));
    }

    @Test
    void theRunningWorkerTicksOnItsOwnAndEscalatesOnceItsClockPassesTheTimeout() {
        // given a running worker with an alert its team has not acknowledged
        worker.start();
        worker.accept("ww/v1/detections/drone-1", detection("d-1").payload(), Work.Route.DETECTION, () -> { });
        await().atMost(Duration.ofSeconds(20)).until(() -> !committed.isEmpty());
        String alertId = committed.get(0).alertId();

        // when its clock passes the acknowledgement timeout
        clock.set(T0.plus(policy.ackTimeout()));

        // then its own periodic tick escalates the alert
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(committed).last().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo(alertId);
            assertThat(a.state()).isEqualTo(AlertState.ESCALATED);
            assertThat(a.teamId()).isEqualTo(NEXT_TEAM);
            assertThat(a.dispatchedAt()).isEqualTo(T0.plus(policy.ackTimeout()));
        }));
    }

    private Work.Inbound detection(String id) {
        String json = "{\"id\":\"" + id + "\",\"source\":\"drone-1\",\"kind\":\"thermal\",\"lat\":" + site.anchor().lat()
                + ",\"lon\":" + site.anchor().lon() + ",\"observedAt\":\"" + T0.minusSeconds(30)
                + "\",\"confidence\":0.75}";
        return new Work.Inbound("ww/v1/detections/drone-1", json.getBytes(StandardCharsets.UTF_8), Work.Route.DETECTION,
                () -> { });
    }

    /** A clock the test sets; read from the worker's thread. */
    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the worker needs no other zone");
        }
    }
}
