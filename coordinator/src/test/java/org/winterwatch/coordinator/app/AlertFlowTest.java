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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
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
import org.winterwatch.geo.site.SiteLayer;

/**
 * A running coordinator (embedded broker, H2, no drones) driven the way its users drive it: sensors and team phones
 * over MQTT, the control room and ground teams over HTTP with their tokens.
 */
class AlertFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTROL = "control-room-token-0123456789";
    private static final String OPERATOR = "operator-token-0123456789";
    private static final SiteLayer DEMO = SiteLayers.demoLayer();
    private static final Site BRIDGE = DEMO.patrolSites().stream().filter(s -> s.category().wireName().equals("bridge")).findFirst().orElseThrow();
    private static final String TEAM = BRIDGE.team();
    private static final String TEAM_TOKEN = "own-team-token-0123456789";
    private static final String OTHER_TEAM_TOKEN = "other-team-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";

    private static Path dir;
    private static EmbeddedBroker broker;
    private static Coordinator coordinator;
    private static MqttAsyncClient phone;
    private static final List<String[]> received = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("ww-alert-flow");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        broker = EmbeddedBroker.start(dir.resolve("broker"), port);
        AccessTokens tokens = new AccessTokens()
                .add(CONTROL, new AccessTokens.Grant(Role.CONTROLROOM, null))
                .add(OPERATOR, new AccessTokens.Grant(Role.OPERATOR, null))
                .add(TEAM_TOKEN, new AccessTokens.Grant(Role.GROUNDTEAM, TEAM))
                .add(OTHER_TEAM_TOKEN, new AccessTokens.Grant(Role.GROUNDTEAM, "team-elsewhere"))
                .add(ADMIN, new AccessTokens.Grant(Role.ADMIN, null));
        coordinator = Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-test-" + UUID.randomUUID(),
                Database.embedded(dir), DEMO, List.of(), Clock.systemUTC(), AlertPolicy.defaults(),
                new HttpSettings("127.0.0.1", 0, tokens), -8, Duration.ofHours(6), List.of()));
        phone = new MqttAsyncClient(broker.url(), "phone-" + UUID.randomUUID(), new MemoryPersistence());
        phone.setCallback(new MqttCallback() {
            @Override public void messageArrived(String topic, MqttMessage m) {
                received.add(new String[] {topic, new String(m.getPayload(), StandardCharsets.UTF_8)});
            }
            @Override public void disconnected(MqttDisconnectResponse r) { }
            @Override public void mqttErrorOccurred(MqttException e) { }
            @Override public void deliveryComplete(IMqttToken t) { }
            @Override public void connectComplete(boolean reconnect, String uri) { }
            @Override public void authPacketArrived(int code, MqttProperties p) { }
        });
        phone.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
        phone.subscribe(new String[] {"ww/v1/alerts/#", "ww/v1/deadletter"}, new int[] {1, 1}).waitForCompletion(10_000);
    }

    @AfterAll
    static void stop() throws Exception {
        phone.disconnect().waitForCompletion(5_000);
        phone.close(true);
        coordinator.close();
        broker.close();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + coordinator.httpPort() + "/api/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void publish(String topic, String payload) throws MqttException {
        phone.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false).waitForCompletion(10_000);
    }

    private static String detection(String id, LatLon p, double confidence) {
        return "{\"id\":\"" + id + "\",\"source\":\"drone-9\",\"kind\":\"thermal\",\"lat\":" + p.lat() + ",\"lon\":" + p.lon()
                + ",\"observedAt\":\"" + Instant.now().minusSeconds(5) + "\",\"confidence\":" + confidence + "}";
    }

    private static JsonNode lastOn(String topic, String alertId) {
        return received.stream().filter(r -> r[0].equals(topic)).map(r -> read(r[1]))
                .filter(j -> j.path("alertId").asText().equals(alertId))
                .reduce((a, b) -> b.path("version").asLong() > a.path("version").asLong() ? b : a).orElse(null);
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String raiseAlertAtTheBridge(String detectionId) throws Exception {
        publish("ww/v1/detections/drone-9", detection(detectionId, BRIDGE.anchor(), 0.92));
        return await().atMost(Duration.ofSeconds(15)).until(() -> received.stream()
                .filter(r -> r[0].equals("ww/v1/alerts/" + TEAM) && r[1].contains(detectionId))
                .map(r -> read(r[1]).get("alertId").asText()).findFirst().orElse(null), id -> id != null);
    }

    @Test
    void healthIsUpWithoutATokenAndEverythingElseNeedsOne() throws Exception {
        HttpResponse<String> health = call("GET", "/health", null, null);
        HttpResponse<String> alerts = call("GET", "/alerts", null, null);
        HttpResponse<String> wrong = call("GET", "/alerts", "not-a-token-at-all", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(read(health.body()).get("components").get("broker").asText()).isEqualTo("UP");
        assertThat(read(health.body()).get("components").get("pipeline").asText()).isEqualTo("UP");
        assertThat(alerts.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(read(wrong.body()).get("error").asText()).isEqualTo("invalid bearer token");
    }

    @Test
    void aTeamAcknowledgesOverMqttAndTheNewVersionReachesItsPhone() throws Exception {
        String alertId = raiseAlertAtTheBridge("flow-ack-1");
        long before = await().atMost(Duration.ofSeconds(15)).until(() -> lastOn("ww/v1/alerts/" + TEAM, alertId), a -> a != null)
                .get("version").asLong();

        publish("ww/v1/acks/" + TEAM, "{\"alertId\":\"" + alertId + "\",\"action\":\"ack\",\"by\":\"wang.fang\"}");

        JsonNode acked = await().atMost(Duration.ofSeconds(15)).until(() -> lastOn("ww/v1/alerts/" + TEAM, alertId),
                a -> a != null && a.get("state").asText().equals("acknowledged"));
        assertThat(acked.get("version").asLong()).isEqualTo(before + 1);
        assertThat(acked.get("lastActionBy").asText()).isEqualTo("wang.fang");
    }

    @Test
    void aTeamReportsItselfOnSiteOverMqttAndThroughTheApi() throws Exception {
        String overMqtt = raiseAlertAtTheBridge("flow-arrive-1");
        await().atMost(Duration.ofSeconds(15)).until(() -> lastOn("ww/v1/alerts/" + TEAM, overMqtt), a -> a != null);

        publish("ww/v1/acks/" + TEAM, "{\"alertId\":\"" + overMqtt + "\",\"action\":\"arrive\",\"by\":\"wang.fang\"}");

        JsonNode onSite = await().atMost(Duration.ofSeconds(15)).until(() -> lastOn("ww/v1/alerts/" + TEAM, overMqtt),
                a -> a != null && !a.path("onSiteAt").isNull() && a.has("onSiteAt"));
        assertThat(onSite.get("state").asText()).isEqualTo("acknowledged");
        assertThat(onSite.get("lastActionBy").asText()).isEqualTo("wang.fang");

        String overHttp = raiseAlertAtTheBridge("flow-arrive-2");
        HttpResponse<String> arrived = call("POST", "/alerts/" + overHttp + "/arrive", TEAM_TOKEN, "{}");
        assertThat(arrived.statusCode()).as(arrived.body()).isEqualTo(200);
        assertThat(read(arrived.body()).path("onSiteAt").isNull()).isFalse();

        // the night's figures count the team on site, in the stats and the metrics
        JsonNode night = read(call("GET", "/stats", CONTROL, null).body()).path("timeToHelpLast24h");
        assertThat(night.path("all").path("toTeamOnSite").path("count").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(night.path("all").path("toTeamOnSite").path("medianS").isNumber()).isTrue();
        assertThat(night.path("byTeam").has(TEAM)).isTrue();
        assertThat(PrometheusText.parse(scrape().body())
                .sum("ww_time_to_help_seconds", Map.of("to", "team_on_site", "quantile", "0.9"))).isPositive();
    }

    @Test
    void malformedInboundMessagesGoToTheDeadLetterTopicWithTheReason() throws Exception {
        publish("ww/v1/detections/drone-9", "{\"id\":\"bad-1\",\"source\":\"drone-9\",\"kind\":\"thermal\",\"lat\":\"north\"}");

        String[] dead = await().atMost(Duration.ofSeconds(15)).until(() -> received.stream()
                .filter(r -> r[0].equals("ww/v1/deadletter") && r[1].contains("bad-1")).findFirst().orElse(null), r -> r != null);
        JsonNode letter = read(dead[1]);
        assertThat(letter.get("topic").asText()).isEqualTo("ww/v1/detections/drone-9");
        assertThat(letter.get("reason").asText()).isEqualTo("lat: must be a number, was string");
        assertThat(letter.get("payload").asText()).contains("\"lat\":\"north\"");
        assertThat(call("GET", "/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aGroundTeamSeesAndActsOnlyOnItsOwnAlerts() throws Exception {
        String alertId = raiseAlertAtTheBridge("flow-team-1");

        HttpResponse<String> own = call("GET", "/alerts/" + alertId, TEAM_TOKEN, null);
        HttpResponse<String> other = call("GET", "/alerts/" + alertId, OTHER_TEAM_TOKEN, null);
        HttpResponse<String> otherList = call("GET", "/alerts", OTHER_TEAM_TOKEN, null);
        HttpResponse<String> otherAck = call("POST", "/alerts/" + alertId + "/ack", OTHER_TEAM_TOKEN, "{}");
        HttpResponse<String> operator = call("GET", "/alerts", OPERATOR, null);

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(otherList.body()).doesNotContain(alertId);
        assertThat(otherAck.statusCode()).as("not told the alert exists").isEqualTo(404);
        assertThat(otherAck.body()).doesNotContain(TEAM);
        HttpResponse<String> none = call("GET", "/alerts/a-none-such", OTHER_TEAM_TOKEN, null);
        assertThat(read(other.body()).get("error").asText()).as("the same words as for an alert that does not exist")
                .isEqualTo(read(none.body()).get("error").asText().replace("a-none-such", alertId));
        assertThat(operator.statusCode()).isEqualTo(403);
    }

    @Test
    void aPhoneBackOnlineAsksForWhatChangedSinceItsLastAlert() throws Exception {
        String before = raiseAlertAtTheBridge("flow-since-1");
        JsonNode last = lastOn("ww/v1/alerts/" + TEAM, before);
        Instant lastUpdate = Instant.parse(last.get("updatedAt").asText());

        HttpResponse<String> resolved = call("POST", "/alerts/" + before + "/resolve", TEAM_TOKEN,
                "{\"by\":\"anna\",\"outcome\":\"escorted_to_centre\"}");
        Instant afterFirst = Instant.parse(read(resolved.body()).get("updatedAt").asText());
        HttpResponse<String> sinceThen = call("GET", "/alerts?since=" + afterFirst, TEAM_TOKEN, null);
        HttpResponse<String> sinceBefore = call("GET", "/alerts?since=" + lastUpdate.minusSeconds(1), TEAM_TOKEN, null);
        HttpResponse<String> future = call("GET", "/alerts?since=" + Instant.now().plusSeconds(3600), TEAM_TOKEN, null);
        HttpResponse<String> bad = call("GET", "/alerts?since=yesterday", TEAM_TOKEN, null);

        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(sinceThen.statusCode()).isEqualTo(200);
        assertThat(read(sinceThen.body()).findValuesAsText("alertId")).contains(before);
        assertThat(read(sinceBefore.body()).findValuesAsText("alertId")).contains(before);
        assertThat(read(future.body())).isEmpty();
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("since: 'yesterday' is not an ISO-8601 UTC time");
    }

    @Test
    void everyReadOfAlertLocationsIsInTheAuditTrailWhichOnlyAnAdminMayRead() throws Exception {
        String alertId = raiseAlertAtTheBridge("flow-audit-1");
        String teamTokenId = org.winterwatch.coordinator.http.AccessTokensProbe.fingerprint(TEAM_TOKEN);

        call("GET", "/alerts/" + alertId, TEAM_TOKEN, null);
        call("GET", "/alerts?state=open", CONTROL, null);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode trail = read(call("GET", "/audit?limit=50", ADMIN, null).body());
            assertThat(trail).anySatisfy(e -> {
                assertThat(e.get("actor").asText()).isEqualTo("groundteam " + TEAM + " token " + teamTokenId);
                assertThat(e.get("action").asText()).isEqualTo("read alert");
                assertThat(e.get("target").asText()).isEqualTo(alertId);
                assertThat(e.get("detail").asText()).startsWith("at 40.");
            });
            assertThat(trail).anySatisfy(e -> {
                assertThat(e.get("actor").asText()).startsWith("controlroom token ");
                assertThat(e.get("action").asText()).isEqualTo("read alerts");
                assertThat(e.get("target").asText()).isEqualTo("open");
            });
        });
        assertThat(call("GET", "/audit", CONTROL, null).statusCode()).isEqualTo(403);
        HttpResponse<String> badLimit = call("GET", "/audit?limit=5000", ADMIN, null);
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(read(badLimit.body()).get("error").asText()).contains("limit: '5000'");
    }

    @Test
    void resolvingNeedsAnOutcomeAndCountsInTheStats() throws Exception {
        String alertId = raiseAlertAtTheBridge("flow-resolve-1");

        HttpResponse<String> noOutcome = call("POST", "/alerts/" + alertId + "/resolve", TEAM_TOKEN, "{}");
        HttpResponse<String> badOutcome = call("POST", "/alerts/" + alertId + "/resolve", TEAM_TOKEN, "{\"outcome\":\"fine\"}");
        HttpResponse<String> resolved = call("POST", "/alerts/" + alertId + "/resolve", TEAM_TOKEN,
                "{\"outcome\":\"escorted_to_centre\",\"items\":[\"coat\",\"help_card\"],\"note\":\"came willingly\"}");
        HttpResponse<String> stats = call("GET", "/stats", CONTROL, null);

        assertThat(noOutcome.statusCode()).isEqualTo(400);
        assertThat(read(noOutcome.body()).get("error").asText()).contains("outcome: required");
        assertThat(badOutcome.statusCode()).isEqualTo(400);
        assertThat(resolved.statusCode()).isEqualTo(200);
        JsonNode alert = read(resolved.body());
        assertThat(alert.get("state").asText()).isEqualTo("resolved");
        assertThat(alert.get("items")).hasSize(2);
        JsonNode figures = read(stats.body());
        assertThat(figures.get("outcomes").get("escorted_to_centre").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figures.get("peopleHelped").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aTipOverHttpRaisesAnAlertAndBadTipsAreRefusedWithTheField() throws Exception {
        LatLon p = BRIDGE.anchor();
        String tip = "{\"id\":\"tip-http-1\",\"reporter\":\"courier-17\",\"reporterRole\":\"courier\",\"lat\":" + (p.lat() + 0.01)
                + ",\"lon\":" + p.lon() + ",\"observedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"note\":\"a kid alone\"}";

        HttpResponse<String> created = call("POST", "/tips", CONTROL, tip);
        HttpResponse<String> again = call("POST", "/tips", CONTROL, tip);
        HttpResponse<String> bad = call("POST", "/tips", CONTROL, "{\"id\":\"t2\",\"reporter\":\"x\",\"reporterRole\":\"courier\",\"lat\":95,\"lon\":113,\"observedAt\":\"" + Instant.now() + "\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(read(created.body()).get("priority").asText()).isEqualTo("critical");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(read(again.body()).get("duplicate").asBoolean()).isTrue();
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(read(bad.body()).get("error").asText()).contains("lat: 95.0 is outside");
    }

    @Test
    void aTipWithAnOverlongReporterIsAnswered400AndTheTipsBehindItStillRaiseAlerts() throws Exception {
        LatLon p = BRIDGE.anchor();
        String overlong = "{\"id\":\"tip-long-1\",\"reporter\":\"" + "r".repeat(300) + "\",\"reporterRole\":\"courier\",\"lat\":"
                + p.lat() + ",\"lon\":" + p.lon() + ",\"observedAt\":\"" + Instant.now().minusSeconds(30) + "\"}";
        String fine = overlong.replace("tip-long-1", "tip-after-long").replace("r".repeat(300), "courier-18");

        HttpResponse<String> refused = call("POST", "/tips", CONTROL, overlong);
        HttpResponse<String> next = call("POST", "/tips", CONTROL, fine);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused.body()).get("error").asText()).isEqualTo("tip: reporter: longer than 100 characters");
        assertThat(next.statusCode()).isIn(200, 201);
    }

    @Test
    void whoActedOverHttpIsWhatTheTokenVouchesForAndTheNameIsBounded() throws Exception {
        String alertId = raiseAlertAtTheBridge("flow-by-1");

        HttpResponse<String> huge = call("POST", "/alerts/" + alertId + "/ack", TEAM_TOKEN, "{\"by\":\"" + "x".repeat(60_000) + "\"}");
        HttpResponse<String> posing = call("POST", "/alerts/" + alertId + "/ack", TEAM_TOKEN, "{\"by\":\"admin (control room)\"}");

        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(read(huge.body()).get("error").asText()).contains("by: longer than 100 characters");
        assertThat(posing.statusCode()).isEqualTo(200);
        assertThat(read(posing.body()).get("lastActionBy").asText())
                .matches("admin \\(control room\\) \\(groundteam " + TEAM + ", token \\S{8}\\)");
        // leave the bridge free for the other tests: the next detection there raises a new alert
        assertThat(call("POST", "/alerts/" + alertId + "/resolve", TEAM_TOKEN, "{\"outcome\":\"false_alarm\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTipJoiningAnotherTeamsAlertIsTakenWithoutShowingThatAlert() throws Exception {
        raiseAlertAtTheBridge("flow-tip-other-1");
        LatLon p = BRIDGE.anchor();
        String tip = "{\"id\":\"tip-other-team\",\"reporter\":\"courier-19\",\"reporterRole\":\"courier\",\"lat\":"
                + p.lat() + ",\"lon\":" + p.lon() + ",\"observedAt\":\"" + Instant.now().minusSeconds(20) + "\"}";

        HttpResponse<String> fromOtherTeam = call("POST", "/tips", OTHER_TEAM_TOKEN, tip);

        assertThat(fromOtherTeam.statusCode()).isEqualTo(202);
        assertThat(read(fromOtherTeam.body()).get("accepted").asBoolean()).isTrue();
        assertThat(fromOtherTeam.body()).doesNotContain("alertId").doesNotContain(String.valueOf(p.lat()).substring(0, 6));
    }

    @Test
    void theControlRoomSetsTheWeatherAndTheColdWavePlanApplies() throws Exception {
        HttpResponse<String> team = call("PUT", "/weather", TEAM_TOKEN, "{\"ambientTempC\":-25}");
        HttpResponse<String> bad = call("PUT", "/weather", CONTROL, "{\"ambientTempC\":\"cold\"}");
        HttpResponse<String> set = call("PUT", "/weather", CONTROL, "{\"ambientTempC\":-25}");
        HttpResponse<String> reset = call("PUT", "/weather", CONTROL, "{\"ambientTempC\":-8}");

        assertThat(team.statusCode()).isEqualTo(403);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(read(set.body()).get("coldWave").asBoolean()).isTrue();
        assertThat(read(reset.body()).get("coldWave").asBoolean()).isFalse();
    }

    @Test
    void metricsReadAsPrometheusTextAndShowTheAlertTheDeadLetterAndTheirLatency() throws Exception {
        String alertId = raiseAlertAtTheBridge("flow-metrics-1");
        publish("ww/v1/detections/drone-9", "not json");
        call("GET", "/health", null, null);
        call("GET", "/alerts/" + alertId, CONTROL, null);

        PrometheusText metrics = await().atMost(Duration.ofSeconds(15)).until(() -> PrometheusText.parse(scrape().body()),
                m -> m.sum("ww_dead_letters_total", Map.of("route", "detection", "reason", "invalid")) >= 1);

        assertThat(scrape().headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.family("ww_alerts").type()).isEqualTo("gauge");
        assertThat(metrics.sum("ww_alerts", Map.of())).isGreaterThanOrEqualTo(1);
        assertThat(metrics.family("ww_alerts").samples()).extracting(s -> s.labels().keySet())
                .allSatisfy(labels -> assertThat(labels).containsExactlyInAnyOrder("state", "priority"));
        assertThat(metrics.sum("ww_inbound_messages_total", Map.of("route", "detection"))).isGreaterThanOrEqualTo(2);
        assertThat(metrics.family("ww_alert_latency_seconds").type()).isEqualTo("histogram");
        assertThat(metrics.sum("ww_alert_latency_seconds", "ww_alert_latency_seconds_count", Map.of("route", "detection")))
                .isGreaterThanOrEqualTo(2);
        assertThat(metrics.sum("ww_outbox_unsent", Map.of())).isGreaterThanOrEqualTo(0);
        assertThat(metrics.sum("ww_broker_connected", Map.of())).isEqualTo(1);
        assertThat(metrics.family("ww_sweeps").samples()).extracting(s -> s.labels().get("state"))
                .contains("planned", "flying", "done", "aborted", "failed");
        assertThat(metrics.has("ww_drones_connected")).isTrue();
        assertThat(metrics.family("vertx_http_server_response_time_seconds").type()).isEqualTo("histogram");
        assertThat(metrics.sum("vertx_http_server_response_time_seconds", "vertx_http_server_response_time_seconds_count",
                Map.of("route", "/api/v1/health", "method", "GET", "code", "200"))).isGreaterThanOrEqualTo(1);
        assertThat(metrics.sum("vertx_http_server_requests_total", Map.of("route", "/api/v1/alerts/:id", "code", "200")))
                .as("labelled by the route template, not the path, nor the authentication's route before it")
                .isGreaterThanOrEqualTo(1);
    }

    /** {@code GET /metrics}, where Prometheus looks by default (the other calls go under /api/v1). */
    private HttpResponse<String> scrape() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + coordinator.httpPort() + "/metrics"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + CONTROL).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", coordinator.httpPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/tips HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + CONTROL
                    + "\r\nContent-Type: application/json\r\nContent-Length: 200000\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write("{\"note\":\"".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
    }
}
