package org.winterwatch.coordinator.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
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
 * A few thousand generated bad messages (broken JSON, wrong types, out-of-range values, oversized payloads, invalid
 * UTF-8, unknown kinds, future timestamps, bogus acks) mixed with replays of valid detections: every bad one is
 * dead-lettered with a reason, every replay is ignored, the valid ones become alerts, and the coordinator stays up.
 */
class MalformedFloodIT {

    @TempDir
    Path dir;

    @Test
    void everyBadMessageIsDeadLetteredEveryReplayIgnoredAndNothingCrashes() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(2026);
        try (MosquittoProcess broker = new MosquittoProcess(dir.resolve("mosquitto")).start()) {
            Coordinator coordinator = Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-flood-" + run,
                    Database.embedded(dir), SiteLayers.demoLayer(), List.of(), Clock.systemUTC(), AlertPolicy.defaults(),
                    new HttpSettings("127.0.0.1", 0, new AccessTokens()), -15, Duration.ofHours(6),
                    List.of(BrokerOutageIT.zoneAroundThePlaces())));
            MqttAsyncClient attacker = new MqttAsyncClient(broker.url(), "flood-" + run, new MemoryPersistence());
            try (TeamPhone phone = new TeamPhone(broker.url(), "phone-" + run)) {
                attacker.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
                int bad = 0;
                int valid = 0;
                for (int i = 0; i < 3000; i++) {
                    String topic = "ww/v1/detections/sensor-" + (i % 50);
                    byte[] payload;
                    if (i % 3 == 0) {
                        String[] d = SensorFleet.detection(run, valid++, 50, Instant.now());
                        topic = d[0];
                        payload = d[1].getBytes(StandardCharsets.UTF_8);
                        publish(attacker, topic, payload);   // the original
                    } else {
                        payload = badPayload(i, random, run);
                        if (i % 7 == 0) {
                            topic = "ww/v1/acks/" + BrokerOutageIT.TEAM;
                            payload = ("{\"alertId\":\"a-" + i + "\",\"action\":\"" + (i % 2 == 0 ? "ack" : "explode") + "\"}")
                                    .getBytes(StandardCharsets.UTF_8);
                        } else if (i % 11 == 0) {
                            topic = "ww/v1/tips";
                        }
                        bad++;
                    }
                    publish(attacker, topic, payload);   // a replay for the valid ones, the bad one otherwise
                }
                int expectedBad = bad;
                int expectedValid = valid;
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                        phone.deadLetters.get() >= expectedBad
                                && coordinator.alerts(null).stream().mapToLong(Alert::detectionCount).sum() == (long) expectedValid);

                List<Alert> alerts = coordinator.alerts(null);
                System.out.printf("flood: bad=%d deadLettered=%d valid=%d stored=%d alerts=%d reasons=%d%n", expectedBad,
                        phone.deadLetters.get(), expectedValid, alerts.stream().mapToLong(Alert::detectionCount).sum(),
                        alerts.size(), phone.deadLetterReasons.size());
                assertThat(phone.deadLetters.get()).isEqualTo(expectedBad);
                assertThat(alerts).hasSize(50);
                assertThat(alerts.stream().mapToLong(Alert::detectionCount).sum()).isEqualTo((long) expectedValid);
                assertThat(phone.deadLetterReasons).allSatisfy(r -> assertThat(r).isNotBlank());
                assertThat(coordinator.bridge().isConnected()).isTrue();
            } finally {
                attacker.disconnect().waitForCompletion(3_000);
                attacker.close(true);
                coordinator.close();
            }
        }
    }

    private static void publish(MqttAsyncClient client, String topic, byte[] payload) throws Exception {
        client.publish(topic, payload, 1, false).waitForCompletion(10_000);
    }

    /** One of many ways a message can be wrong. */
    private static byte[] badPayload(int i, Random random, String run) {
        String base = "{\"id\":\"" + run + "-bad-" + i + "\",\"source\":\"sensor-" + (i % 50) + "\",\"kind\":\"thermal\",\"lat\":40.2,"
                + "\"lon\":113.1,\"observedAt\":\"" + Instant.now() + "\",\"confidence\":0.9}";
        return switch (i % 10) {
            case 1 -> base.substring(0, 1 + random.nextInt(base.length() - 2)).getBytes(StandardCharsets.UTF_8);
            case 2 -> base.replace("\"lat\":40.2", "\"lat\":\"40.2\"").getBytes(StandardCharsets.UTF_8);
            case 3 -> base.replace("\"lat\":40.2", "\"lat\":" + (91 + random.nextInt(500))).getBytes(StandardCharsets.UTF_8);
            case 4 -> ("{\"pad\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 5 -> new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0x7B};
            case 6 -> base.replace("thermal", "radar").getBytes(StandardCharsets.UTF_8);
            case 7 -> base.replace(Instant.now().toString().substring(0, 4), "2099").getBytes(StandardCharsets.UTF_8);
            case 8 -> base.replace("\"confidence\":0.9", "\"confidence\":-3").getBytes(StandardCharsets.UTF_8);
            case 9 -> "[]".getBytes(StandardCharsets.UTF_8);
            default -> base.replace("\"source\":\"sensor-", "\"source\":\"someone-else-").getBytes(StandardCharsets.UTF_8);
        };
    }
}
