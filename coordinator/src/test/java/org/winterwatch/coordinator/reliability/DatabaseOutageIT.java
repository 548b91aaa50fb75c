package org.winterwatch.coordinator.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * PostgreSQL is stopped hard ({@code pg_ctl stop -m immediate}) in the middle of a burst of detections at 200 places
 * and stays away for a minute while the sensors keep sending; then it comes back. Meanwhile health says 503; after,
 * every detection is counted in its place's one alert, and the team's phone has every alert's final version
 * (RELIABILITY.md: lost = 0, unexpected = 0). The messages wait unacknowledged in the broker while the database is
 * away, and the connection pool replaces the connections the stop broke.
 */
class DatabaseOutageIT {

    static final int PLACES = 200;
    static final int BEFORE = 1000;
    static final int AFTER = 1000;
    static final Duration OUTAGE = Duration.ofSeconds(60);
    static final String TEAM = "team-test";

    @TempDir
    Path dir;

    /** One answer of GET /api/v1/health: when (System.nanoTime) and its status (-1: no answer). */
    record Sample(long atNanos, int status) {
    }

    @Test
    void nothingIsLostAndHealthSays503WhilePostgresIsAwayForAMinuteMidBurst() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Sample> health = new CopyOnWriteArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try (PostgresProcess pg = new PostgresProcess(dir).start();
             MosquittoProcess broker = new MosquittoProcess(dir.resolve("mosquitto")).start()) {
            Coordinator coordinator = Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-it-" + run,
                    Database.of(pg.jdbcUrl(), null, null), SiteLayers.demoLayer(), List.of(), Clock.systemUTC(),
                    AlertPolicy.defaults(), new HttpSettings("127.0.0.1", 0, new AccessTokens()), -15,
                    Duration.ofHours(6), List.of(SensorFleet.zoneOver(TEAM, PLACES))));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI healthUri = URI.create("http://127.0.0.1:" + coordinator.httpPort() + "/api/v1/health");
            try (TeamPhone phone = new TeamPhone(broker.url(), "phone-" + run);
                 SensorFleet sensors = new SensorFleet(broker.url())) {
                assertThat(status(http, healthUri)).as("health before the outage").isEqualTo(200);
                sampler.scheduleWithFixedDelay(() -> health.add(new Sample(System.nanoTime(), status(http, healthUri))),
                        0, 250, TimeUnit.MILLISECONDS);

                // given a burst under way
                int[] next = {0};
                while (next[0] < BEFORE) {
                    send(sensors, run, next[0]++);
                }

                // when PostgreSQL is stopped hard and stays away for a minute while the sensors keep sending
                pg.kill();
                long outageStart = System.nanoTime();
                await().atMost(OUTAGE.plusSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    for (int i = 0; i < 10; i++) {
                        send(sensors, run, next[0]++);
                    }
                    return System.nanoTime() - outageStart >= OUTAGE.toNanos();
                });
                int sentDuringOutage = next[0] - BEFORE;
                pg.start();
                long back = System.nanoTime();
                int end = next[0] + AFTER;
                while (next[0] < end) {
                    send(sensors, run, next[0]++);
                }
                int sent = next[0];

                // then health is back, and every detection and alert's final version arrive
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> health.stream().anyMatch(s -> s.atNanos() > back && s.status() == 200));
                long healthy = health.stream().filter(s -> s.atNanos() > back && s.status() == 200)
                        .mapToLong(Sample::atNanos).min().orElseThrow();
                try {
                    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                            .until(() -> sensors.resendOutstanding() == 0 && allFinalVersionsArrived(coordinator, phone, sent));
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    List<Alert> alerts = coordinator.alerts(null);
                    System.out.printf("TIMEOUT sent=%d outstanding=%d alerts=%d detections=%d phoneAlerts=%d%n", sent,
                            sensors.outstanding(), alerts.size(), alerts.stream().mapToLong(Alert::detectionCount).sum(),
                            phone.newestVersion.size());
                    throw e;
                }
                long delivered = System.nanoTime();
                sampler.shutdownNow();

                List<Sample> during = health.stream()
                        .filter(s -> s.atNanos() > outageStart + TimeUnit.SECONDS.toNanos(3) && s.atNanos() < back).toList();
                List<Alert> alerts = coordinator.alerts(null);
                long stored = alerts.stream().mapToLong(Alert::detectionCount).sum();
                long behind = alerts.stream().filter(a -> phone.newestVersion.getOrDefault(a.alertId(), 0L) < a.version()).count();
                Map<String, Long> alertsPerPlace = alerts.stream()
                        .collect(Collectors.groupingBy(a -> String.join(",", a.sources()), Collectors.counting()));
                System.out.printf("database outage %ds: detections sent=%d (during the outage %d) stored=%d lost=%d; "
                                + "alerts=%d duplicatesByPlace=%d phoneBehind=%d phoneDuplicates=%d unexpected=%d; "
                                + "health samples during the outage=%d of which 503=%d; healthy %d ms after PostgreSQL "
                                + "was back, everything delivered after %d ms%n",
                        OUTAGE.toSeconds(), sent, sentDuringOutage, stored, sent - stored, alerts.size(),
                        alertsPerPlace.values().stream().filter(n -> n > 1).count(), behind, phone.duplicates.get(),
                        phone.conflicting.get(), during.size(), during.stream().filter(s -> s.status() == 503).count(),
                        TimeUnit.NANOSECONDS.toMillis(healthy - back), TimeUnit.NANOSECONDS.toMillis(delivered - back));

                assertThat(during).as("health answers while PostgreSQL is away").hasSizeGreaterThan(10)
                        .allSatisfy(s -> assertThat(s.status()).as("health status while PostgreSQL is away").isEqualTo(503));
                assertThat(stored).as("detections counted in alerts").isEqualTo(sent);
                assertThat(alerts).hasSize(PLACES);
                assertThat(alertsPerPlace).hasSize(PLACES).allSatisfy((place, n) -> assertThat(n).as(place).isEqualTo(1L));
                assertThat(alerts).allSatisfy(a -> assertThat(a.teamId()).isEqualTo(TEAM));
                assertThat(behind).as("alerts whose final version the phone lacks").isZero();
                assertThat(phone.conflicting).hasValue(0);
                assertThat(TimeUnit.NANOSECONDS.toSeconds(healthy - back)).as("seconds to healthy").isLessThan(15);
            } finally {
                sampler.shutdownNow();
                coordinator.close();
            }
        }
    }

    private static void send(SensorFleet sensors, String run, int n) {
        String[] d = SensorFleet.detection(run, n, PLACES, Instant.now());
        sensors.send(d[0], d[1]);
    }

    private static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static boolean allFinalVersionsArrived(Coordinator coordinator, TeamPhone phone, int sent) throws Exception {
        List<Alert> alerts = coordinator.alerts(null);
        long detections = alerts.stream().mapToLong(Alert::detectionCount).sum();
        return detections == sent && alerts.stream()
                .allMatch(a -> phone.newestVersion.getOrDefault(a.alertId(), 0L) >= a.version());
    }
}
