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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.broker.EmbeddedBroker;
import org.winterwatch.coordinator.demo.MqttRecorder;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.coordinator.http.Role;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.simulator.SimClock;
import org.winterwatch.simulator.Simulator;
import org.winterwatch.simulator.SimulatorConfig;

/**
 * The sweep API as an operator uses it with {@code curl} (CONTRACT §6): launch, watch, abort, recall, and the clear
 * answers to requests that cannot be flown; one simulated drone behind the real MAVSDK gRPC API.
 */
class SweepApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String OPERATOR = "sweep-api-operator-token-0123456789";
    private static final String ADMIN = "sweep-api-admin-token-0123456789";
    private static Path dir;
    private static EmbeddedBroker broker;
    private static Simulator simulator;
    private static Coordinator coordinator;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("ww-sweep-api");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        broker = EmbeddedBroker.start(dir.resolve("broker"), port);
        SimulatorConfig config = new SimulatorConfig(1, 0, SimulatorConfig.DEMO_HOME, 40, null, null, List.of(), -18, 7, 10);
        SimClock clock = config.clock(Instant.now());
        simulator = Simulator.start(config, clock);
        AccessTokens tokens = new AccessTokens();
        tokens.add(OPERATOR, new AccessTokens.Grant(Role.OPERATOR, null));
        tokens.add(ADMIN, new AccessTokens.Grant(Role.ADMIN, null));
        coordinator = Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-test-" + UUID.randomUUID(),
                Database.embedded(dir), SiteLayers.demoLayer(),
                List.of(new DroneEndpoint("drone-1", "127.0.0.1", simulator.grpcPort(0))), clock.asClock(),
                AlertPolicy.defaults(), new HttpSettings("127.0.0.1", 0, tokens, 1_000, 1_000), -8, Duration.ofHours(6),
                List.of()));
        coordinator.fleet().connectAll().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        coordinator.close();
        simulator.close();
        broker.close();
    }

    @Test
    void theScheduleShowsEveryPatrolSiteWithWhenItIsDueAndWhy() throws Exception {
        HttpResponse<String> answer = send("GET", "/schedule", null, OPERATOR);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode schedule = JSON.readTree(answer.body());
        assertThat(schedule.path("enabled").asBoolean()).as("a coordinator built in code launches only what it is asked")
                .isFalse();
        assertThat(schedule.path("state").asText()).startsWith("off");
        assertThat(schedule.path("windows").get(0).path("from").asText()).isEqualTo("20:00");
        JsonNode sites = schedule.path("sites");
        assertThat(sites).hasSize(SiteLayers.demoLayer().patrolSites().size());
        assertThat(sites.findValuesAsText("siteId")).contains("br-03", "atm-01").doesNotContain("nfz-01");
        assertThat(sites.get(0).fieldNames()).toIterable().contains("siteId", "name", "category", "priority",
                "lastSweptAt", "intervalMin", "dueAt", "due", "reason");
        assertThat(schedule.path("dueNow").asInt()).isPositive();
    }

    @Test
    void anOperatorLaunchesWatchesAndAbortsASweepAndRecallsTheDroneAndEachActIsAudited() throws Exception {
        MqttRecorder operatorScreen = new MqttRecorder(broker.url(), "ww/v1/drones/+/state");
        HttpResponse<String> created = send("POST", "/sweeps", "{\"siteIds\": [\"br-03\", \"up-01\"], \"altitudeM\": 45}", OPERATOR);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode sweep = JSON.readTree(created.body());
        String id = sweep.path("sweepId").asText();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/sweeps/" + id);
        assertThat(sweep.path("state").asText()).isEqualTo("planned");
        assertThat(sweep.path("altitudeM").asDouble()).isEqualTo(45);
        assertThat(sweep.path("sites").findValuesAsText("siteId")).containsExactly("br-03", "up-01");

        JsonNode flying = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> JSON.readTree(send("GET", "/sweeps/" + id, null, OPERATOR).body()),
                        s -> s.path("state").asText().equals("flying"));
        assertThat(flying.path("sorties").get(0).path("droneId").asText()).isEqualTo("drone-1");
        assertThat(JSON.readTree(send("GET", "/sweeps", null, OPERATOR).body()).get(0).path("sweepId").asText()).isEqualTo(id);
        // the drone's state, with its sweep, about once a second on its MQTT topic
        JsonNode state = await().atMost(Duration.ofSeconds(10)).until(() -> operatorScreen.on("ww/v1/drones/drone-1/state")
                .stream().map(m -> readTree(m.payload())).filter(n -> id.equals(n.path("sweepId").asText(null)))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(state.fieldNames()).toIterable().contains("lat", "lon", "relAltitudeM", "batteryPercent", "flightMode",
                "link", "sortie", "sitesDone", "sitesAssigned");
        assertThat(state.path("sitesAssigned").asInt()).isEqualTo(2);
        operatorScreen.close();

        HttpResponse<String> aborted = send("POST", "/sweeps/" + id + "/abort", null, OPERATOR);
        assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(200);
        assertThat(JSON.readTree(aborted.body()).path("state").asText()).isEqualTo("aborted");
        assertThat(send("POST", "/sweeps/" + id + "/abort", null, OPERATOR).statusCode()).as("already ended").isEqualTo(409);

        HttpResponse<String> recalled = send("POST", "/drones/drone-1/return", null, OPERATOR);
        assertThat(recalled.statusCode()).as(recalled.body()).isEqualTo(200);
        assertThat(JSON.readTree(recalled.body()).path("command").asText()).isEqualTo("return");

        String audit = send("GET", "/audit?limit=50", null, ADMIN).body();
        assertThat(audit).contains("launch sweep").contains("abort sweep").contains("recall drone").contains(id);
    }

    @Test
    void requestsThatCannotBeFlownGetAClearAnswerNamingTheField() throws Exception {
        assertError(send("POST", "/sweeps", "{\"siteIds\": [\"zz-99\"]}", OPERATOR), 400, "siteIds: no site 'zz-99' in the site layer");
        assertError(send("POST", "/sweeps", "{\"droneIds\": [\"drone-9\"]}", OPERATOR), 400, "droneIds: no drone 'drone-9'; known: drone-1");
        assertError(send("POST", "/sweeps", "{\"altitudeM\": 5}", OPERATOR), 400, "altitudeM: 5.0 is outside 15..120 m above take-off");
        assertError(send("POST", "/sweeps", "{\"altitudeM\": \"high\"}", OPERATOR), 400, "sweep: altitudeM: must be a number of metres above take-off");
        assertError(send("POST", "/sweeps", "{\"sites\": []}", OPERATOR), 400, "sweep: unknown field 'sites'; expected siteIds, droneIds, altitudeM");
        assertError(send("POST", "/sweeps", "[1]", OPERATOR), 400, "sweep: the body must be a JSON object such as {\"siteIds\": [\"br-01\"]}");
        assertError(send("GET", "/sweeps/s-none", null, OPERATOR), 404, "no sweep 's-none'");
        assertError(send("POST", "/sweeps/s-none/abort", null, OPERATOR), 404, "no sweep 's-none'");
        assertError(send("POST", "/drones/drone-9/return", null, OPERATOR), 404, "no drone 'drone-9'");
        assertError(send("GET", "/sweeps?limit=0", null, OPERATOR), 400, "limit: '0' is not a whole number within 1..500");
    }

    @Test
    void theMetricsShowTheDronesLinkAndBatteryAndTheSweepsByState() throws Exception {
        PrometheusText metrics = await().atMost(Duration.ofSeconds(15)).until(
                () -> PrometheusText.parse(send("GET", "/metrics", null, OPERATOR).body()),
                m -> m.sum("ww_drone_battery_percent", Map.of("drone", "drone-1")) > 0);

        assertThat(metrics.sum("ww_drone_battery_percent", Map.of("drone", "drone-1"))).isLessThanOrEqualTo(100);
        assertThat(metrics.sum("ww_drone_link_up", Map.of("drone", "drone-1"))).isEqualTo(1);
        assertThat(metrics.sum("ww_drones_connected", Map.of())).isEqualTo(1);
        assertThat(metrics.family("ww_sweeps").samples()).extracting(s -> s.labels().get("state"))
                .containsExactlyInAnyOrder("planned", "flying", "done", "aborted", "failed");
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertError(HttpResponse<String> r, int status, String error) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("details").isArray()).isTrue();
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + coordinator.httpPort() + "/api/v1" + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
