package org.winterwatch.coordinator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.broker.EmbeddedBroker;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.coordinator.http.Role;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.Site;
import org.winterwatch.simulator.SimClock;
import org.winterwatch.simulator.Simulator;
import org.winterwatch.simulator.SimulatorConfig;

/**
 * {@code GET /api/v1/events} as the dashboard reads it: a sensor's detection reaches the control room's open stream
 * as an alert within a second, a ground team's stream carries only its own team's alerts, an operator follows drones
 * and sweeps, and the stream answers 401 and 403 as every read does. One simulated drone, an embedded broker.
 */
class EventStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Site BRIDGE = SiteLayers.demoLayer().patrolSites().stream()
            .filter(s -> s.id().equals("br-03")).findFirst().orElseThrow();
    private static final String CONTROL = "events-control-room-token-0123456789";
    private static final String OPERATOR = "events-operator-token-0123456789";
    private static final String TEAM = "events-own-team-token-0123456789";
    private static final String OTHER_TEAM = "events-other-team-token-0123456789";

    private static Path dir;
    private static EmbeddedBroker broker;
    private static Simulator simulator;
    private static SimClock clock;
    private static Coordinator coordinator;
    private static MqttAsyncClient sensor;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("ww-events");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        broker = EmbeddedBroker.start(dir.resolve("broker"), port);
        SimulatorConfig config = new SimulatorConfig(1, 0, SimulatorConfig.DEMO_HOME, 10, null, null, List.of(), -18, 7, 10);
        clock = config.clock(Instant.now());
        simulator = Simulator.start(config, clock);
        AccessTokens tokens = new AccessTokens()
                .add(CONTROL, new AccessTokens.Grant(Role.CONTROLROOM, null))
                .add(OPERATOR, new AccessTokens.Grant(Role.OPERATOR, null))
                .add(TEAM, new AccessTokens.Grant(Role.GROUNDTEAM, BRIDGE.team()))
                .add(OTHER_TEAM, new AccessTokens.Grant(Role.GROUNDTEAM, "team-elsewhere"));
        coordinator = Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-test-" + UUID.randomUUID(),
                Database.embedded(dir), SiteLayers.demoLayer(),
                List.of(new DroneEndpoint("drone-1", "127.0.0.1", simulator.grpcPort(0))), clock.asClock(),
                AlertPolicy.defaults(), new HttpSettings("127.0.0.1", 0, tokens, 1_000, 1_000), -8, Duration.ofHours(6),
                List.of()));
        coordinator.fleet().connectAll().get(30, TimeUnit.SECONDS);
        sensor = new MqttAsyncClient(broker.url(), "sensor-" + UUID.randomUUID(), new MemoryPersistence());
        sensor.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
    }

    @AfterAll
    static void stop() throws Exception {
        sensor.disconnect().waitForCompletion(5_000);
        sensor.close(true);
        coordinator.close();
        simulator.close();
        broker.close();
    }

    @Test
    void aDetectionReachesTheControlRoomsStreamWithinASecondAsTheRestReadShowsIt() throws Exception {
        try (EventStreamReader control = stream("/api/v1/events", CONTROL)) {
            assertThat(control.response.statusCode()).isEqualTo(200);
            assertThat(control.response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/event-stream"));

            Instant published = detect("events-latency-1");

            EventStreamReader.Event alert = await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> alertWith(control, "events-latency-1"), e -> e != null);
            assertThat(Duration.between(published, alert.receivedAt())).isLessThan(Duration.ofSeconds(1));
            JsonNode read = JSON.readTree(get("/api/v1/alerts/" + alert.data().get("alertId").asText(), CONTROL).body());
            if (read.get("version").equals(alert.data().get("version"))) {
                assertThat(alert.data()).isEqualTo(read);
            }
        }
    }

    @Test
    void aGroundTeamsStreamCarriesItsOwnTeamsAlertsAndNoOtherTeamsButTheWeatherForAll() throws Exception {
        try (EventStreamReader own = stream("/api/v1/events", TEAM);
             EventStreamReader other = stream("/api/v1/events", OTHER_TEAM)) {
            detect("events-team-1");
            await().atMost(Duration.ofSeconds(5)).until(() -> alertWith(own, "events-team-1"), e -> e != null);

            HttpResponse<String> weather = send("PUT", "/api/v1/weather", "{\"ambientTempC\": -9.5}", CONTROL);
            assertThat(weather.statusCode()).as(weather.body()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(5)).until(() -> weatherAt(other, -9.5));
            assertThat(other.named("alert")).as("another team's alert is not shown, not even that it exists").isEmpty();
            assertThat(other.named("drone")).as("ground teams do not read drones").isEmpty();
            assertThat(own.named("alert")).allSatisfy(e -> assertThat(e.data().get("teamId").asText()).isEqualTo(BRIDGE.team()));
        }
    }

    @Test
    void anOperatorFollowsTheDronesAndItsSweepButNoAlerts() throws Exception {
        try (EventStreamReader operator = stream("/api/v1/events", OPERATOR)) {
            HttpResponse<String> launched = send("POST", "/api/v1/sweeps", "{\"siteIds\": [\"br-03\"]}", OPERATOR);
            assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
            String sweepId = JSON.readTree(launched.body()).get("sweepId").asText();

            await().atMost(Duration.ofSeconds(5)).until(() -> operator.named("sweep").stream()
                    .anyMatch(e -> e.data().get("sweepId").asText().equals(sweepId)));
            await().atMost(Duration.ofSeconds(5)).until(() -> operator.named("drone").stream()
                    .anyMatch(e -> e.data().get("droneId").asText().equals("drone-1") && e.data().has("batteryPercent")));
            detect("events-operator-1");
            send("PUT", "/api/v1/weather", "{\"ambientTempC\": -10.5}", CONTROL);
            await().atMost(Duration.ofSeconds(5)).until(() -> weatherAt(operator, -10.5));
            assertThat(operator.named("alert")).as("operators do not read alerts").isEmpty();

            assertThat(send("POST", "/api/v1/sweeps/" + sweepId + "/abort", "{}", OPERATOR).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> operator.named("sweep").stream()
                    .anyMatch(e -> e.data().get("sweepId").asText().equals(sweepId)
                            && e.data().get("state").asText().equals("aborted")));
        }
    }

    @Test
    void theStreamNeedsATokenAndOnlyServesWhatTheRoleMayRead() throws Exception {
        try (EventStreamReader anonymous = stream("/api/v1/events", null);
             EventStreamReader wrong = stream("/api/v1/events", "not-a-token-" + UUID.randomUUID());
             EventStreamReader operatorOnAlerts = stream("/api/v1/events?types=alert", OPERATOR);
             EventStreamReader teamOnDrones = stream("/api/v1/events?types=drone,weather", TEAM);
             EventStreamReader unknown = stream("/api/v1/events?types=gossip", CONTROL);
             EventStreamReader weatherOnly = stream("/api/v1/events?types=weather", OPERATOR)) {
            assertThat(anonymous.response.statusCode()).isEqualTo(401);
            assertThat(wrong.response.statusCode()).isEqualTo(401);
            assertThat(operatorOnAlerts.response.statusCode()).isEqualTo(403);
            assertThat(teamOnDrones.response.statusCode()).isEqualTo(403);
            assertThat(unknown.response.statusCode()).isEqualTo(400);
            assertThat(weatherOnly.response.statusCode()).isEqualTo(200);

            send("PUT", "/api/v1/weather", "{\"ambientTempC\": -11.5}", CONTROL);
            await().atMost(Duration.ofSeconds(5)).until(() -> weatherAt(weatherOnly, -11.5));
            assertThat(weatherOnly.events).extracting(EventStreamReader.Event::name).containsOnly("weather");
        }
    }

    private static EventStreamReader stream(String pathAndQuery, String token) throws Exception {
        return EventStreamReader.open(coordinator.httpPort(), pathAndQuery, token);
    }

    private static EventStreamReader.Event alertWith(EventStreamReader reader, String detectionId) {
        return reader.named("alert").stream()
                .filter(e -> e.data().get("detectionIds").toString().contains("\"" + detectionId + "\""))
                .findFirst().orElse(null);
    }

    private static boolean weatherAt(EventStreamReader reader, double tempC) {
        return reader.named("weather").stream().anyMatch(e -> e.data().get("ambientTempC").asDouble() == tempC
                && e.data().has("coldWave"));
    }

    /** A confident thermal detection at the bridge, as a sensor publishes it; returns when the broker took it. */
    private static Instant detect(String id) throws Exception {
        LatLon p = BRIDGE.anchor();
        String payload = "{\"id\":\"" + id + "\",\"source\":\"cam-7\",\"kind\":\"thermal\",\"lat\":" + p.lat()
                + ",\"lon\":" + p.lon() + ",\"observedAt\":\"" + clock.now().minusSeconds(2) + "\",\"confidence\":0.95}";
        sensor.publish("ww/v1/detections/cam-7", payload.getBytes(StandardCharsets.UTF_8), 1, false)
                .waitForCompletion(10_000);
        return Instant.now();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, null, token);
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + coordinator.httpPort() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        b.header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
