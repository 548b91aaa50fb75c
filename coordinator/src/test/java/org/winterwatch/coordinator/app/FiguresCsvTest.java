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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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

/**
 * The night's figures as a relief centre exports them ({@code GET /api/v1/stats} with {@code Accept: text/csv}): after
 * an alert at the bridge is acknowledged and resolved with aid given, the CSV carries the team's times to help and
 * the people helped by outcome, the same figures as the JSON, to the same roles.
 */
class FiguresCsvTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Site BRIDGE = SiteLayers.demoLayer().patrolSites().stream()
            .filter(s -> s.id().equals("br-03")).findFirst().orElseThrow();
    private static final String CONTROL = "figures-control-room-token-0123456789";
    private static final String OPERATOR = "figures-operator-token-0123456789";

    private static Path dir;
    private static EmbeddedBroker broker;
    private static Coordinator coordinator;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("ww-figures");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        broker = EmbeddedBroker.start(dir.resolve("broker"), port);
        AccessTokens tokens = new AccessTokens()
                .add(CONTROL, new AccessTokens.Grant(Role.CONTROLROOM, null))
                .add(OPERATOR, new AccessTokens.Grant(Role.OPERATOR, null));
        coordinator = Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-test-" + UUID.randomUUID(),
                Database.embedded(dir), SiteLayers.demoLayer(), List.of(), Clock.systemUTC(), AlertPolicy.defaults(),
                new HttpSettings("127.0.0.1", 0, tokens, 1_000, 1_000), -8, Duration.ofHours(6), List.of()));
        String alertId = raiseAlertAtTheBridge();
        assertThat(post("/alerts/" + alertId + "/ack", "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> resolved = post("/alerts/" + alertId + "/resolve",
                "{\"outcome\": \"on_site_aid\", \"items\": [\"blanket\", \"hot_drink\"]}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        coordinator.close();
        broker.close();
    }

    @Test
    void theCsvHasOneRowPerFigureWithTheTeamsTimesToHelpAndThePeopleHelpedByOutcome() throws Exception {
        HttpResponse<String> csv = get("/stats", CONTROL, "text/csv");

        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("section,key,value");
        assertThat(lines).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(3));
        Map<String, String> figures = lines.stream().skip(1)
                .collect(Collectors.toMap(l -> l.substring(0, l.lastIndexOf(',')), l -> l.substring(l.lastIndexOf(',') + 1)));
        String team = "timeToHelpLast24h,byTeam." + BRIDGE.team();
        assertThat(Double.parseDouble(figures.get(team + ".toAcknowledgement.medianS"))).isGreaterThanOrEqualTo(0);
        assertThat(figures).containsKeys(team + ".toAcknowledgement.p90S", team + ".toResolution.medianS",
                team + ".toResolution.p90S");
        assertThat(figures).containsEntry("timeToHelpLast24h,peopleHelped.on_site_aid", "1")
                .containsEntry("outcomes,on_site_aid", "1")
                .containsEntry("summary,peopleHelped", "1");
        assertThat(figures.keySet()).anyMatch(k -> k.startsWith("nights,") && k.endsWith(".alerts"));
    }

    @Test
    void theCsvSaysWhatTheJsonSaysAndJsonStaysTheDefault() throws Exception {
        HttpResponse<String> json = get("/stats", CONTROL, null);
        HttpResponse<String> csv = get("/stats", CONTROL, "application/json;q=0.5, text/csv");

        assertThat(json.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode stats = JSON.readTree(json.body());
        assertThat(csv.body()).contains("summary,alerts," + stats.get("alerts").asText() + "\r\n")
                .contains("summary,peopleHelped," + stats.get("peopleHelped").asText() + "\r\n");
        JsonNode nights = stats.get("nights");
        assertThat(nights.size()).isEqualTo(7);
        String tonight = nights.fieldNames().next();
        assertThat(csv.body()).contains("nights," + tonight + ".alerts," + nights.get(tonight).get("alerts").asText());
    }

    @Test
    void theCsvIsForTheSameRolesAsTheFigures() throws Exception {
        assertThat(get("/stats", OPERATOR, "text/csv").statusCode()).isEqualTo(403);
        assertThat(get("/stats", null, "text/csv").statusCode()).isEqualTo(401);
    }

    private static String raiseAlertAtTheBridge() throws Exception {
        LatLon p = BRIDGE.anchor();
        String payload = "{\"id\":\"figures-1\",\"source\":\"cam-9\",\"kind\":\"thermal\",\"lat\":" + p.lat() + ",\"lon\":"
                + p.lon() + ",\"observedAt\":\"" + Instant.now().minusSeconds(5) + "\",\"confidence\":0.95}";
        MqttAsyncClient sensor = new MqttAsyncClient(broker.url(), "sensor-" + UUID.randomUUID(), new MemoryPersistence());
        sensor.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
        sensor.publish("ww/v1/detections/cam-9", payload.getBytes(StandardCharsets.UTF_8), 1, false).waitForCompletion(10_000);
        sensor.disconnect().waitForCompletion(5_000);
        sensor.close(true);
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonNode alerts = JSON.readTree(get("/alerts", CONTROL, null).body());
            for (JsonNode a : alerts) {
                if (a.get("detectionIds").toString().contains("figures-1")) {
                    return a.get("alertId").asText();
                }
            }
            return null;
        }, id -> id != null);
    }

    private static HttpResponse<String> get(String path, String token, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + coordinator.httpPort() + "/api/v1" + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + coordinator.httpPort() + "/api/v1" + path))
                .header("Authorization", "Bearer " + CONTROL).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
