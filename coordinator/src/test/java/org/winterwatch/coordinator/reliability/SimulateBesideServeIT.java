package org.winterwatch.coordinator.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.winterwatch.coordinator.mqtt.MessageCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code winterwatch serve} and {@code winterwatch simulate --speedup 20} side by side on one Mosquitto, each in its
 * own JVM with the flags an operator would type. The simulator once stamped its detections in simulated time, which at
 * 20x runs past the coordinator's two minutes of allowed clock skew within ten real seconds: from then on every
 * detection was dead-lettered as "in the future". Now they must all become alerts; a sensor whose own clock runs a
 * minute fast must be accepted as seen now and show in the health check.
 */
class SimulateBesideServeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The demo scenario's fixed sensors: each has someone in range and reports every one or two simulated minutes. */
    private static final List<String> SIMULATED_SENSORS = List.of("atm-01-motion", "cv-02-thermal");
    /**
     * Detections to wait for: the third motion report already comes 9 real seconds, so 171 simulated seconds, in: a
     * simulator stamping simulated time gets no more than about three of them past the skew check.
     */
    private static final int ENOUGH_DETECTIONS = 6;

    @TempDir
    static Path dir;

    private static MosquittoProcess broker;
    private static CoordinatorProcess serve;
    private static SimulatorProcess simulate;
    private static MqttAsyncClient mqtt;
    private static final List<JsonNode> deadLetters = new CopyOnWriteArrayList<>();
    private static String controlRoomToken;
    private static int httpPort;

    @BeforeAll
    static void startServeAndSimulateSideBySide() throws Exception {
        broker = new MosquittoProcess(dir.resolve("mosquitto")).start();
        mqtt = deadLetterListener(broker.url());
        httpPort = freePort();
        Path serveDir = Files.createDirectories(dir.resolve("serve"));
        serve = new CoordinatorProcess(serveDir, List.of("--mqtt-url", broker.url(), "--http-host", "127.0.0.1",
                "--http-port", Integer.toString(httpPort), "--data-dir", serveDir.toString())).start();
        controlRoomToken = JSON.readTree(serveDir.resolve("tokens.json").toFile()).get("controlroom").asText();
        simulate = new SimulatorProcess(dir, List.of("--speedup", "20", "--drones", "1",
                "--grpc-base-port", Integer.toString(freePort()), "--mqtt-url", broker.url())).start();
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (mqtt != null) {
            if (mqtt.isConnected()) {
                mqtt.disconnect().waitForCompletion(3_000);
            }
            mqtt.close(true);
        }
        for (AutoCloseable part : new AutoCloseable[] {simulate, serve, broker}) {
            if (part != null) {
                part.close();
            }
        }
    }

    @Test
    void detectionsOfASimulatorAtSpeedup20BecomeAlertsAndNoneIsRefusedAsInTheFuture() throws Exception {
        // when the simulator has run long enough for simulated time to be minutes ahead of the wall clock
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(detectionsInAlertsFrom(SIMULATED_SENSORS, alerts()))
                        .as("detections of %s in alerts; %d dead letters so far, the last: %s", SIMULATED_SENSORS,
                                deadLetters.size(), deadLetters.isEmpty() ? "none" : deadLetters.get(deadLetters.size() - 1).get("reason"))
                        .isGreaterThanOrEqualTo(ENOUGH_DETECTIONS));

        // then they became alerts seen no later than now, nothing of theirs was dead-lettered, and no clock is ahead
        Instant now = Instant.now();
        List<JsonNode> simulated = alertsFrom(SIMULATED_SENSORS, alerts());
        assertThat(simulated).isNotEmpty().allSatisfy(a ->
                assertThat(Instant.parse(a.get("lastSeen").asText())).isBeforeOrEqualTo(now));
        assertThat(deadLetters).noneSatisfy(d -> assertThat(d.path("topic").asText()).satisfiesAnyOf(
                t -> assertThat(t).endsWith("/" + SIMULATED_SENSORS.get(0)),
                t -> assertThat(t).endsWith("/" + SIMULATED_SENSORS.get(1))));
        JsonNode clocks = health().get("clocks");
        assertThat(clocks.get("sources").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(clocks.get("ahead")).noneSatisfy(a -> assertThat(SIMULATED_SENSORS).contains(a.get("source").asText()));

        // and the scenario's simulated ground team answers them over the broker, as a team's phone would
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> alerts().stream()
                .anyMatch(a -> a.path("lastActionBy").asText("").startsWith("team-centre/crew-")
                        && !a.path("acknowledgedAt").isNull()));
    }

    @Test
    void aSensorWhoseClockRunsAMinuteFastIsAcceptedAsSeenNowAndShownInHealth() throws Exception {
        // given a sensor stamping a minute ahead, and one ten minutes ahead (beyond the default two of skew)
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant sent = Instant.now();
        publish("fast-" + run, "fast-" + run + "-1", sent.plusSeconds(60), 40.1000, 113.3500);
        publish("broken-" + run, "broken-" + run + "-1", sent.plusSeconds(600), 40.1010, 113.3510);

        // then the first becomes an alert first seen when it arrived, not a minute later
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> !alertsFrom(List.of("fast-" + run), alerts()).isEmpty());
        JsonNode alert = alertsFrom(List.of("fast-" + run), alerts()).get(0);
        assertThat(Instant.parse(alert.get("firstSeen").asText())).isBefore(sent.plusSeconds(30));

        // and the second is dead-lettered naming the field, and health shows both clocks ahead, the broken one worst
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.stream()
                .anyMatch(d -> d.path("topic").asText().endsWith("/broken-" + run)));
        JsonNode refused = deadLetters.stream().filter(d -> d.path("topic").asText().endsWith("/broken-" + run))
                .findFirst().orElseThrow();
        assertThat(refused.get("reason").asText()).startsWith("observedAt: ").contains("in the future")
                .contains("max_clock_skew_s");
        JsonNode clocks = health().get("clocks");
        assertThat(clocks.get("sourcesAhead").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(clocks.get("worst").get("source").asText()).isEqualTo("broken-" + run);
        JsonNode fast = null;
        for (JsonNode a : clocks.get("ahead")) {
            if (a.get("source").asText().equals("fast-" + run)) {
                fast = a;
            }
        }
        assertThat(fast).as("fast-%s among the clocks ahead: %s", run, clocks).isNotNull();
        assertThat(fast.get("offsetS").asDouble()).isBetween(40.0, 60.0);
    }

    private static void publish(String source, String id, Instant observedAt, double lat, double lon) throws MqttException {
        String payload = "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"kind\":\"motion\",\"lat\":" + lat
                + ",\"lon\":" + lon + ",\"observedAt\":\"" + observedAt + "\",\"confidence\":0.9}";
        mqtt.publish("ww/v1/detections/" + source, payload.getBytes(StandardCharsets.UTF_8), 1, false)
                .waitForCompletion(10_000);
    }

    private static long detectionsInAlertsFrom(List<String> sources, List<JsonNode> alerts) {
        return alertsFrom(sources, alerts).stream().mapToLong(a -> a.get("detectionCount").asLong()).sum();
    }

    private static List<JsonNode> alertsFrom(List<String> sources, List<JsonNode> alerts) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode a : alerts) {
            for (JsonNode s : a.get("sources")) {
                if (sources.contains(s.asText())) {
                    out.add(a);
                    break;
                }
            }
        }
        return out;
    }

    private static List<JsonNode> alerts() throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/alerts"))
                .header("Authorization", "Bearer " + controlRoomToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(r.body()).forEach(out::add);
        return out;
    }

    private static JsonNode health() throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** An operator's client on {@code ww/v1/deadletter}; it also publishes the hand-made detections. */
    private static MqttAsyncClient deadLetterListener(String url) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, "skew-it-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(new MessageCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                try {
                    deadLetters.add(JSON.readTree(message.getPayload()));
                } catch (IOException e) {
                    System.out.println("unreadable dead letter: " + e);
                }
            }
        });
        client.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
        client.subscribe("ww/v1/deadletter", 1).waitForCompletion(10_000);
        return client;
    }
}
