package org.winterwatch.coordinator.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.book.TeamZone;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.app.Coordinator;
import org.winterwatch.coordinator.app.CoordinatorSettings;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.geo.layer.SiteLayers;

/**
 * The broker goes down for 20 s in the middle of a burst of 2,000 detections at 200 places, then comes back:
 * every alert, in its final version, still reaches the team topic (RELIABILITY.md: lost = 0, unexpected = 0).
 */
class BrokerOutageIT {

    static final int PLACES = 200;
    static final int DETECTIONS = 2000;
    static final String TEAM = "team-test";

    @TempDir
    Path dir;

    static TeamZone zoneAroundThePlaces() {
        return SensorFleet.zoneOver(TEAM, PLACES);
    }

    @Test
    void everyAlertReachesTheTeamTopicAcrossABrokerOutageMidBurst() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (MosquittoProcess broker = new MosquittoProcess(dir.resolve("mosquitto")).start()) {
            Coordinator coordinator = Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-it-" + run,
                    Database.embedded(dir), SiteLayers.demoLayer(), List.of(), Clock.systemUTC(), AlertPolicy.defaults(),
                    new HttpSettings("127.0.0.1", 0, new AccessTokens()), -15, Duration.ofHours(6),
                    List.of(zoneAroundThePlaces())));
            try (TeamPhone phone = new TeamPhone(broker.url(), "phone-" + run);
                 SensorFleet sensors = new SensorFleet(broker.url())) {
                int[] next = {0};
                while (next[0] < DETECTIONS / 2) {
                    String[] d = SensorFleet.detection(run, next[0]++, PLACES, Instant.now());
                    sensors.send(d[0], d[1]);
                }

                broker.stop();
                long outageStart = System.nanoTime();
                await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    // the sensors keep observing during the outage; what they cannot send they keep
                    for (int i = 0; i < 20 && next[0] < DETECTIONS * 3 / 4; i++) {
                        String[] d = SensorFleet.detection(run, next[0]++, PLACES, Instant.now());
                        sensors.send(d[0], d[1]);
                    }
                    return System.nanoTime() - outageStart >= Duration.ofSeconds(20).toNanos();
                });
                broker.start();

                while (next[0] < DETECTIONS) {
                    String[] d = SensorFleet.detection(run, next[0]++, PLACES, Instant.now());
                    sensors.send(d[0], d[1]);
                }
                try {
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                            .until(() -> sensors.resendOutstanding() == 0 && allFinalVersionsArrived(coordinator, phone));
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    List<Alert> alerts = coordinator.alerts(null);
                    System.out.printf("TIMEOUT outstanding=%d alerts=%d detections=%d behind=%d phoneAlerts=%d%n",
                            sensors.outstanding(), alerts.size(), alerts.stream().mapToLong(Alert::detectionCount).sum(),
                            alerts.stream().filter(a -> phone.newestVersion.getOrDefault(a.alertId(), 0L) < a.version()).count(),
                            phone.newestVersion.size());
                    java.nio.file.Files.readAllLines(dir.resolve("mosquitto").resolve("mosquitto.log")).stream()
                            .filter(l -> !l.contains("PUBLISH") && !l.contains("PUBACK")).limit(60).forEach(System.out::println);
                    throw e;
                }

                List<Alert> alerts = coordinator.alerts(null);
                long lost = alerts.stream().filter(a -> phone.newestVersion.getOrDefault(a.alertId(), 0L) < a.version()).count();
                System.out.printf("broker outage: alerts=%d detections=%d lost=%d duplicates=%d unexpected=%d%n",
                        alerts.size(), alerts.stream().mapToLong(Alert::detectionCount).sum(), lost,
                        phone.duplicates.get(), phone.conflicting.get());
                assertThat(alerts).hasSize(PLACES);
                assertThat(alerts.stream().mapToLong(Alert::detectionCount).sum()).isEqualTo((long) DETECTIONS);
                assertThat(alerts).allSatisfy(a -> assertThat(a.teamId()).isEqualTo(TEAM));
                assertThat(lost).isZero();
                assertThat(phone.conflicting).hasValue(0);
            } finally {
                coordinator.close();
            }
        }
    }

    static boolean allFinalVersionsArrived(Coordinator coordinator, TeamPhone phone) throws Exception {
        List<Alert> alerts = coordinator.alerts(null);
        long detections = alerts.stream().mapToLong(Alert::detectionCount).sum();
        return detections == DETECTIONS && alerts.stream()
                .allMatch(a -> phone.newestVersion.getOrDefault(a.alertId(), 0L) >= a.version());
    }
}
