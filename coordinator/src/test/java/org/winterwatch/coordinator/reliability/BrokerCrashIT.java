package org.winterwatch.coordinator.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.app.Coordinator;
import org.winterwatch.coordinator.app.CoordinatorSettings;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.geo.layer.SiteLayers;

/**
 * Mosquitto as it ships (20 messages in flight, announced as Receive Maximum; persistence on, autosave every 30 min)
 * is killed (SIGKILL) or stopped (SIGTERM) in the middle of a burst of detections at 200/s at 100 places and started
 * again 10 s later, twice each. Each time the coordinator is UP again within 20 s of the broker's return, every
 * detection sent after the return (and every one the sensors kept during the outage) ends up in an alert, the team's
 * phone has every alert's final version (lost = 0, unexpected = 0) and the outbox is empty.
 *
 * <p>What a crash may lose: detections the broker had acknowledged to the sensors but not yet delivered to the
 * coordinator, which lived only in the killed broker's memory. They are counted and printed, not failed on; after a
 * clean stop Mosquitto saves them and nothing may be lost.
 */
class BrokerCrashIT {

    static final int PLACES = 100;
    static final int PER_SECOND = 200;
    static final int BEFORE_STOP = 600;
    static final int DURING_OUTAGE = 200;
    static final int AFTER_RETURN = 1200;
    static final Duration OUTAGE = Duration.ofSeconds(10);
    static final Duration UP_WITHIN = Duration.ofSeconds(20);
    static final String TEAM = "team-test";

    enum Stop { KILL, TERM }

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private int coordinatorPort;

    @Test
    void coordinatorComesBackAfterEveryBrokerCrashAndRestartAndLosesNothingSentAfterward() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Database db = Database.embedded(dir);
        try (MosquittoProcess broker = MosquittoProcess.withDefaultLimits(dir.resolve("mosquitto")).start()) {
            Coordinator coordinator = Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-coordinator",
                    db, SiteLayers.demoLayer(), List.of(), Clock.systemUTC(), AlertPolicy.defaults(),
                    new HttpSettings("127.0.0.1", 0, new AccessTokens()), -15, Duration.ofHours(6),
                    List.of(SensorFleet.zoneOver(TEAM, PLACES))));
            coordinatorPort = coordinator.httpPort();
            try (TeamPhone phone = new TeamPhone(broker.url(), "phone-" + run);
                 SensorFleet sensors = new SensorFleet(broker.url())) {
                List<String> figures = new ArrayList<>();
                Stop[] cycles = {Stop.KILL, Stop.TERM, Stop.KILL, Stop.TERM};
                for (int c = 0; c < cycles.length; c++) {
                    figures.add(cycle(c, cycles[c], run + "c" + c, broker, coordinator, phone, sensors, db));
                }
                figures.forEach(System.out::println);
            } finally {
                coordinator.close();
            }
        }
    }

    private String cycle(int cycle, Stop stop, String id, MosquittoProcess broker, Coordinator coordinator,
                         TeamPhone phone, SensorFleet sensors, Database db) throws Exception {
        // given a burst under way
        sendPaced(sensors, id + "b", BEFORE_STOP);

        // when the broker goes away mid-burst, and the sensors keep observing while it is away
        if (stop == Stop.KILL) {
            broker.kill();
        } else {
            broker.stop();
        }
        int[] during = {0};
        long outageStart = System.nanoTime();
        await().atMost(OUTAGE.plusSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int due = (int) Math.min(DURING_OUTAGE, (System.nanoTime() - outageStart) * DURING_OUTAGE / OUTAGE.toNanos());
            while (during[0] < due) {
                send(sensors, id + "d", during[0]++);
            }
            return System.nanoTime() - outageStart >= OUTAGE.toNanos() && during[0] == DURING_OUTAGE;
        });
        assertThat(health()).as("health while the broker is away").isEqualTo(503);

        // and comes back
        broker.start();
        long back = System.nanoTime();
        try {
            await().atMost(UP_WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> health() == 200);
        } catch (ConditionTimeoutException e) {
            printBrokerLog(broker);
            throw new AssertionError("cycle " + cycle + " (" + stop + "): coordinator not UP within " + UP_WITHIN
                    + " of the broker's return", e);
        }
        long upAfterMs = (System.nanoTime() - back) / 1_000_000;
        await().atMost(Duration.ofSeconds(10)).until(phone::isSubscribed);
        sendPaced(sensors, id + "a", AFTER_RETURN);

        // then everything sent after the return, and what the sensors kept, is in an alert and on the phone
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                    sensors.resendOutstanding() == 0
                            && (stop == Stop.KILL || stored(db, id + "b") == BEFORE_STOP)
                            && stored(db, id + "d") == DURING_OUTAGE && stored(db, id + "a") == AFTER_RETURN
                            && phoneHasEveryFinalVersion(coordinator, phone) && unsent(db) == 0);
        } catch (ConditionTimeoutException e) {
            System.out.printf("TIMEOUT cycle=%d outstanding=%d during=%d after=%d unsent=%d phoneBehind=%d%n", cycle,
                    sensors.outstanding(), stored(db, id + "d"), stored(db, id + "a"), unsent(db),
                    behind(coordinator, phone));
            printBrokerLog(broker);
            throw e;
        }
        List<Alert> alerts = coordinator.alerts(null);
        long inAlerts = alerts.stream().mapToLong(Alert::detectionCount).sum();
        long lostBefore = BEFORE_STOP - stored(db, id + "b");
        String figures = String.format("broker crash cycle=%d stop=%s upAfterMs=%d sentBeforeStop=%d lostBeforeStop=%d"
                        + " sentDuringOutage=%d sentAfterReturn=%d lostAfterReturn=%d alerts=%d detectionsStored=%d"
                        + " detectionsInAlerts=%d phoneLost=%d duplicates=%d unexpected=%d outboxUnsent=%d",
                cycle, stop, upAfterMs, BEFORE_STOP, lostBefore, DURING_OUTAGE, AFTER_RETURN,
                DURING_OUTAGE + AFTER_RETURN - stored(db, id + "d") - stored(db, id + "a"), alerts.size(),
                stored(db, run(id)), inAlerts, behind(coordinator, phone), phone.duplicates.get(),
                phone.conflicting.get(), unsent(db));
        System.out.println(figures);

        assertThat(upAfterMs).isLessThanOrEqualTo(UP_WITHIN.toMillis());
        assertThat(stored(db, id + "d")).isEqualTo(DURING_OUTAGE);
        assertThat(stored(db, id + "a")).isEqualTo(AFTER_RETURN);
        if (stop == Stop.TERM) {
            assertThat(lostBefore).as("a clean stop saves what the broker held").isZero();
        }
        assertThat(inAlerts).as("detections counted in alerts").isEqualTo(stored(db, run(id)));
        // (after 2 min without an ack from the team, alerts escalate to the control room: both are on the phone's topics)
        assertThat(alerts).hasSize(PLACES).allSatisfy(a -> assertThat(a.dispatchedAt()).isNotNull());
        assertThat(behind(coordinator, phone)).as("alerts whose final version the phone lacks").isZero();
        assertThat(phone.conflicting).hasValue(0);
        assertThat(unsent(db)).isZero();
        return figures;
    }

    /** The run's prefix (without the cycle), for counting every detection stored so far. */
    private static String run(String cycleId) {
        return cycleId.substring(0, cycleId.lastIndexOf('c'));
    }

    private static void send(SensorFleet sensors, String prefix, int n) {
        String[] d = SensorFleet.detection(prefix, n, PLACES, Instant.now());
        sensors.send(d[0], d[1]);
    }

    /** Sends {@code count} detections at {@link #PER_SECOND}. */
    private static void sendPaced(SensorFleet sensors, String prefix, int count) {
        int[] sent = {0};
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(count / PER_SECOND + 10)).pollInterval(Duration.ofMillis(10)).until(() -> {
            long due = Math.min(count, (System.nanoTime() - start) * PER_SECOND / 1_000_000_000L + 1);
            while (sent[0] < due) {
                send(sensors, prefix, sent[0]++);
            }
            return sent[0] == count;
        });
    }

    private int health() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + coordinatorPort + "/api/v1/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            System.out.println("health check did not answer: " + e);
            return -1;
        }
    }

    private static boolean phoneHasEveryFinalVersion(Coordinator coordinator, TeamPhone phone) throws Exception {
        return behind(coordinator, phone) == 0;
    }

    private static long behind(Coordinator coordinator, TeamPhone phone) throws Exception {
        return coordinator.alerts(null).stream()
                .filter(a -> phone.newestVersion.getOrDefault(a.alertId(), 0L) < a.version()).count();
    }

    /** Detections stored whose id starts with {@code prefix + "-"} or, for a run, with the run's prefix. */
    private static long stored(Database db, String prefix) throws Exception {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM detections WHERE id LIKE ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long unsent(Database db) throws Exception {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void printBrokerLog(MosquittoProcess broker) throws Exception {
        broker.log().stream().filter(l -> !l.contains("PUBLISH") && !l.contains("PUBACK"))
                .skip(Math.max(0, broker.log().size() - 400)).limit(80).forEach(System.out::println);
    }
}
