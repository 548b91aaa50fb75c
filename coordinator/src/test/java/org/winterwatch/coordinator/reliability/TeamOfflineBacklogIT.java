package org.winterwatch.coordinator.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.store.AlertStore;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.app.Coordinator;
import org.winterwatch.coordinator.app.CoordinatorSettings;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.coordinator.http.Role;
import org.winterwatch.geo.layer.SiteLayers;

/**
 * A team's phone is offline while more alerts are raised for its team than a real Mosquitto with its default limit
 * keeps for an offline client (1,000 messages; the rest are dropped without a word, RELIABILITY.md). Back online, the
 * phone gets what the broker kept and asks {@code GET /api/v1/alerts?since=} for what changed while it was away:
 * together that is every alert (lost = 0, unexpected = 0).
 */
class TeamOfflineBacklogIT {

    private static final int PLACES = 1_500;
    private static final int BROKER_QUEUE = 1_000;
    private static final String TEAM = "team-test";
    private static final String TEAM_TOKEN = "team-test-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPhoneOfflineForMoreAlertsThanTheBrokerKeepsCatchesUpOverHttp() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String phoneId = "phone-" + run;
        try (MosquittoProcess broker = new MosquittoProcess(dir.resolve("mosquitto"), BROKER_QUEUE).start()) {
            AccessTokens tokens = new AccessTokens().add(TEAM_TOKEN, new AccessTokens.Grant(Role.GROUNDTEAM, TEAM));
            Coordinator coordinator = Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-it-" + run,
                    Database.embedded(dir), SiteLayers.demoLayer(), List.of(), Clock.systemUTC(), AlertPolicy.defaults(),
                    new HttpSettings("127.0.0.1", 0, tokens), -15, Duration.ofHours(6), List.of(SensorFleet.zoneOver(TEAM, PLACES))));
            try {
                // the phone's persistent session exists; then it goes offline (a dead battery, no signal)
                new TeamPhone(broker.url(), phoneId).close();
                Instant wentOffline = Instant.now();

                try (SensorFleet sensors = new SensorFleet(broker.url())) {
                    for (int n = 0; n < PLACES; n++) {
                        String[] d = SensorFleet.detection(run, n, PLACES, Instant.now());
                        sensors.send(d[0], d[1]);
                    }
                    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                            .until(() -> sensors.resendOutstanding() == 0 && coordinator.alerts(null).size() == PLACES);
                }
                // every alert has been handed to the broker (its outbox row is gone once the broker acknowledged it)
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> unsent() == 0);

                try (TeamPhone phone = new TeamPhone(broker.url(), phoneId)) {
                    // what the broker kept arrives first; it is not everything
                    await().atMost(Duration.ofSeconds(60)).until(() -> phone.newestVersion.size() >= BROKER_QUEUE - 100);
                    HttpResponse<String> missed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + coordinator.httpPort() + "/api/v1/alerts?since=" + wentOffline))
                            .header("Authorization", "Bearer " + TEAM_TOKEN).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());

                    Set<String> overMqtt = new HashSet<>(phone.newestVersion.keySet());
                    Set<String> overHttp = new HashSet<>();
                    for (JsonNode a : JSON.readTree(missed.body())) {
                        overHttp.add(a.get("alertId").asText());
                    }
                    Set<String> raised = new HashSet<>();
                    for (Alert a : coordinator.alerts(null)) {
                        raised.add(a.alertId());
                    }
                    Set<String> known = new HashSet<>(overMqtt);
                    known.addAll(overHttp);
                    Set<String> lost = new HashSet<>(raised);
                    lost.removeAll(known);
                    Set<String> unexpected = new HashSet<>(known);
                    unexpected.removeAll(raised);
                    System.out.printf("team offline: alerts=%d over MQTT=%d over HTTP=%d lost=%d unexpected=%d%n",
                            raised.size(), overMqtt.size(), overHttp.size(), lost.size(), unexpected.size());

                    assertThat(missed.statusCode()).isEqualTo(200);
                    assertThat(raised).hasSize(PLACES);
                    assertThat(overMqtt).as("the broker drops what is beyond its queue").hasSizeLessThan(PLACES);
                    assertThat(overHttp).as("everything changed since the phone went offline").isEqualTo(raised);
                    assertThat(lost).isEmpty();
                    assertThat(unexpected).isEmpty();
                    assertThat(phone.conflicting).hasValue(0);
                }
            } finally {
                coordinator.close();
            }
        }
    }

    private long unsent() throws Exception {
        // a second pool on the coordinator's embedded database, as its metrics read it
        try (Database db = Database.embedded(dir)) {
            return new AlertStore(db).queries().unsentCount();
        }
    }
}
