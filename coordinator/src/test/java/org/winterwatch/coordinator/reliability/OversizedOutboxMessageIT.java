package org.winterwatch.coordinator.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.app.Coordinator;
import org.winterwatch.coordinator.app.CoordinatorSettings;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.geo.layer.SiteLayers;

/**
 * A broker whose Maximum Packet Size (600 bytes) is below the size of an alert message: the alerts stay unsent in the
 * outbox and are reported to the dead letters, while the connection stays up and the smaller messages behind them
 * (dead letters for rejected input, also sent through the outbox) still reach the broker.
 */
class OversizedOutboxMessageIT {

    @TempDir
    Path dir;

    @Test
    void anAlertTooLargeForTheBrokerIsSetAsideWithoutHoldingUpTheMessagesBehindIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Database db = Database.embedded(dir);
        try (MosquittoProcess broker = MosquittoProcess.withSettings(dir.resolve("mosquitto"), "max_packet_size 600")
                .start()) {
            Coordinator coordinator = Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-coordinator",
                    db, SiteLayers.demoLayer(), List.of(), Clock.systemUTC(), AlertPolicy.defaults(),
                    new HttpSettings("127.0.0.1", 0, new AccessTokens()), -15, Duration.ofHours(6),
                    List.of(SensorFleet.zoneOver("team-test", 10))));
            try (TeamPhone phone = new TeamPhone(broker.url(), "phone-" + run);
                 SensorFleet sensors = new SensorFleet(broker.url())) {
                // given detections at 10 places, each making an alert message of more than 600 bytes
                for (int n = 0; n < 20; n++) {
                    String[] d = SensorFleet.detection(run, n, 10, Instant.now());
                    sensors.send(d[0], d[1]);
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> phone.deadLetterReasons.stream()
                        .anyMatch(r -> r.contains("exceeds the broker's maximum packet size of 600 bytes")));

                // when rejected input follows them through the outbox
                for (int n = 0; n < 5; n++) {
                    sensors.send("ww/v1/detections/sensor-x", "{\"id\":\"" + run + "-bad-" + n + "\"}");
                }

                // then its small dead letters are published, the alerts wait unsent, and the connection never dropped
                await().atMost(Duration.ofSeconds(30)).until(() -> phone.deadLetterReasons.stream()
                        .anyMatch(r -> !r.contains("maximum packet size")));
                long unsent = unsent(db);
                System.out.printf("oversized outbox messages: unsent=%d deadLetters=%d reasons=%s alertsOnPhone=%d%n",
                        unsent, phone.deadLetters.get(), phone.deadLetterReasons, phone.newestVersion.size());
                assertThat(unsent).as("alert versions kept unsent").isPositive();
                assertThat(phone.newestVersion).as("no alert reached the phone").isEmpty();
                assertThat(coordinator.bridge().isConnected()).isTrue();
                assertThat(broker.log()).noneMatch(l -> l.contains("ww-coordinator") && l.contains("disconnected"));
            } finally {
                coordinator.close();
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
}
