package org.winterwatch.coordinator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.book.Alert;

/**
 * The demo wired in-process on a fast simulated clock: a drone's thermal camera sees a person, its onboard detector
 * publishes a detection, and an alert with the contract's fields reaches the team's topic on the broker.
 * Subclasses choose the broker: the embedded one, or a real Mosquitto.
 */
abstract class DemoEndToEndContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final double FAST_SPEEDUP = 100;

    @TempDir
    Path dataDir;

    /** Null for the embedded broker. */
    abstract String externalBrokerUrl();

    abstract int mqttPort();

    @Test
    void aPersonSeenByASimulatedDroneBecomesAnAlertOnTheTeamTopicThatASimulatedCrewResolves() throws Exception {
        DemoOptions options = new DemoOptions(4, FAST_SPEEDUP, 0, mqttPort(), dataDir);
        try (DemoSystem system = DemoSystem.start(options, externalBrokerUrl());
             MqttRecorder phone = new MqttRecorder(system.mqttUrl(), "ww/v1/alerts/#", "ww/v1/detections/#")) {

            system.launchSweep();

            Set<String> ownAlertIds = await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(200))
                    .until(() -> system.coordinator().alerts(null).stream().map(Alert::alertId).collect(Collectors.toSet()),
                            ids -> !ids.isEmpty());
            JsonNode alert = await().atMost(Duration.ofSeconds(30)).until(
                    () -> firstAlertFromSimulatedCamera(phone, ownAlertIds), Optional::isPresent).orElseThrow();

            assertThat(alert.fieldNames()).toIterable().contains("alertId", "state", "priority", "siteId", "siteName",
                    "category", "lat", "lon", "detectionIds", "firstSeen", "lastSeen", "ambientTempC", "teamId",
                    "version", "updatedAt");
            assertThat(alert.get("state").asText()).isIn("open", "acknowledged", "escalated");
            assertThat(alert.get("priority").asText()).isIn("critical", "high", "medium", "low");
            assertThat(alert.get("version").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(alert.get("siteId").isNull()).as("a person in the demo scenario sits at a demo site").isFalse();
            assertThat(alert.get("ambientTempC").asDouble()).isLessThan(0);
            assertThat(alert.get("lat").asDouble()).isBetween(39.9, 40.3);
            assertThat(alert.get("lon").asDouble()).isBetween(113.1, 113.5);

            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + system.coordinator().httpPort() + "/api/v1";
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("UP");

            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "/alerts")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);

            JsonNode tokens = JSON.readTree(Files.readString(dataDir.resolve("demo-tokens.json")));
            assertThat(tokens.fieldNames()).toIterable().containsExactlyInAnyOrder("operator", "controlroom", "groundteam", "admin");
            HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(base + "/alerts"))
                    .header("Authorization", "Bearer " + tokens.get("controlroom").asText()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(listed.statusCode()).isEqualTo(200);
            List<String> listedIds = JSON.readTree(listed.body()).findValuesAsText("alertId");
            assertThat(listedIds).contains(alert.get("alertId").asText());

            HttpResponse<String> operatorOnAlerts = http.send(HttpRequest.newBuilder(URI.create(base + "/alerts"))
                    .header("Authorization", "Bearer " + tokens.get("operator").asText()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(operatorOnAlerts.statusCode()).isEqualTo(403);

            // a simulated crew takes a case from its phone: acknowledges, reports itself on site, resolves it
            String controlRoom = "Bearer " + tokens.get("controlroom").asText();
            JsonNode resolved = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(
                    () -> firstResolved(http, base, controlRoom), Optional::isPresent).orElseThrow();
            assertThat(resolved.get("outcome").asText()).isIn("on_site_aid", "escorted_to_centre", "hospital",
                    "protective_custody", "declined_aid", "not_found", "false_alarm");
            assertThat(resolved.get("lastActionBy").asText()).as("a crew of the alert's team")
                    .startsWith(resolved.get("teamId").asText() + "/crew-");
            assertThat(resolved.get("acknowledgedAt").isNull()).isFalse();
            assertThat(resolved.get("onSiteAt").isNull()).isFalse();

            // and the night's figures count it
            HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(base + "/stats"))
                    .header("Authorization", controlRoom).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stats.statusCode()).isEqualTo(200);
            JsonNode night = JSON.readTree(stats.body()).get("timeToHelpLast24h");
            assertThat(night.at("/all/toResolution/count").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(night.at("/all/toTeamOnSite/count").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(night.at("/peopleHelped").path(resolved.get("outcome").asText()).asInt())
                    .as(night.toString()).isGreaterThanOrEqualTo(1);
        }
    }

    private static Optional<JsonNode> firstResolved(HttpClient http, String base, String bearer) throws Exception {
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(base + "/alerts?state=resolved"))
                .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode a : JSON.readTree(listed.body())) {
            if (!a.path("outcome").isNull() && a.path("lastActionBy").asText("").contains("/crew-")) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** An alert on ww/v1/alerts/{its team} of this run, folded from a detection the simulator published. */
    private static Optional<JsonNode> firstAlertFromSimulatedCamera(MqttRecorder phone, Set<String> ownAlertIds) {
        Set<String> simulatedDetections = phone.on("ww/v1/detections/drone-").stream()
                .map(m -> read(m.payload()).path("id").asText())
                .collect(Collectors.toSet());
        return phone.on("ww/v1/alerts/").stream()
                .filter(m -> {
                    JsonNode a = read(m.payload());
                    return ownAlertIds.contains(a.path("alertId").asText())
                            && m.topic().equals("ww/v1/alerts/" + a.path("teamId").asText())
                            && containsAny(a.path("detectionIds"), simulatedDetections);
                })
                .map(m -> read(m.payload()))
                .findFirst();
    }

    private static boolean containsAny(JsonNode ids, Set<String> wanted) {
        for (JsonNode id : ids) {
            if (wanted.contains(id.asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
