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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.broker.EmbeddedBroker;
import org.winterwatch.coordinator.fleet.InspectionSettings;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.coordinator.http.Role;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.simulator.SimClock;
import org.winterwatch.simulator.Simulator;
import org.winterwatch.simulator.SimulatorConfig;

/**
 * A tip posted by the control room sends the coordinator's one simulated drone (real MAVSDK gRPC, ×15) to look, and
 * the alert tells everyone who watches it: which drone went, how far, and that it landed back.
 */
class TipInspectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTROL = "control-room-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";
    private static final LatLon HOME = SimulatorConfig.DEMO_HOME;
    /** 200 m east of the drone: open ground on the demo layer, outside its no-fly zones. */
    private static final LatLon TIP = LocalProjection.centredOn(HOME).toLatLon(new Coordinate(200, 0));

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private Coordinator start(boolean inspections, SimClock[] clockOut) throws Exception {
        Path dir = Files.createTempDirectory("ww-tip-inspection");
        SimulatorConfig config = new SimulatorConfig(1, 0, HOME, 15, null, null, List.of(), -18, 7, 10);
        SimClock clock = config.clock(Instant.parse("2025-01-10T22:00:00Z"));
        clockOut[0] = clock;
        Simulator simulator = Simulator.start(config, clock);
        opened.add(simulator);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), port);
        opened.add(broker);
        Coordinator coordinator = Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1",
                "ww-test-" + UUID.randomUUID(), Database.embedded(dir), SiteLayers.demoLayer(),
                List.of(DroneEndpoint.parse("drone-1=127.0.0.1:" + simulator.grpcPort(0))), clock.asClock(),
                AlertPolicy.defaults(), new HttpSettings("127.0.0.1", 0,
                new AccessTokens().add(CONTROL, new AccessTokens.Grant(Role.CONTROLROOM, null))
                        .add(ADMIN, new AccessTokens.Grant(Role.ADMIN, null))), -18,
                Duration.ofHours(6), List.of(), InspectionSettings.defaults().withEnabled(inspections)));
        opened.add(coordinator);
        coordinator.fleet().connectAll().get();
        await().atMost(Duration.ofSeconds(20)).until(() -> coordinator.fleet().states().stream()
                .allMatch(s -> s.connected() && s.positionKnown() && s.homeSet() && !Double.isNaN(s.batteryPercent())));
        return coordinator;
    }

    private HttpResponse<String> call(Coordinator c, String method, String path, String body) throws Exception {
        return call(c, method, path, body, CONTROL);
    }

    private HttpResponse<String> call(Coordinator c, String method, String path, String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.httpPort() + "/api/v1" + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tip(String id, Instant at) {
        return "{\"id\":\"" + id + "\",\"reporter\":\"courier-17\",\"reporterRole\":\"courier\",\"lat\":" + TIP.lat()
                + ",\"lon\":" + TIP.lon() + ",\"observedAt\":\"" + at + "\",\"note\":\"someone lying by the path\"}";
    }

    private List<String> reasons(Coordinator c, String alertId) throws Exception {
        JsonNode alert = JSON.readTree(call(c, "GET", "/alerts/" + alertId, null).body());
        List<String> out = new ArrayList<>();
        alert.path("reasons").forEach(r -> out.add(r.asText()));
        return out;
    }

    @Test
    void aTipSendsTheFreeDroneToLookAndTheAlertSaysWhoWentAndThatItCameBack() throws Exception {
        SimClock[] clock = new SimClock[1];
        Coordinator c = start(true, clock);

        HttpResponse<String> created = call(c, "POST", "/tips", tip("tip-1", clock[0].asClock().instant().minusSeconds(30)));
        assertThat(created.statusCode()).isEqualTo(201);
        String alertId = JSON.readTree(created.body()).get("alertId").asText();

        await().atMost(Duration.ofSeconds(10)).until(() -> reasons(c, alertId).stream()
                .anyMatch(r -> r.startsWith("drone drone-1 sent to look: 0.2 km away")));
        // the drone really goes: it is seen in the air near the tip, and the second tip about it sends nobody else
        await().atMost(Duration.ofSeconds(30)).until(() -> c.fleet().states().get(0).inAir()
                && new LatLon(c.fleet().states().get(0).lat(), c.fleet().states().get(0).lon()).distanceM(TIP) < 60);
        assertThat(call(c, "POST", "/tips", tip("tip-2", clock[0].asClock().instant())).statusCode()).isIn(200, 201);
        await().atMost(Duration.ofSeconds(60)).until(() -> reasons(c, alertId).contains("drone drone-1 looked and landed back"));

        List<String> all = reasons(c, alertId);
        assertThat(all.stream().filter(r -> r.startsWith("drone drone-1 sent to look"))).hasSize(1);
        assertThat(all).noneMatch(r -> r.startsWith("no drone sent to look"));
        JsonNode stats = JSON.readTree(call(c, "GET", "/stats", null).body());
        assertThat(stats.path("fleet").path("inspectionsFlown").asInt()).isEqualTo(1);
        assertThat(c.fleet().states().get(0).inAir()).isFalse();
        // the drone command is in the audit trail
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(JSON.readTree(
                call(c, "GET", "/audit", null, ADMIN).body())).anySatisfy(e -> {
                    assertThat(e.get("action").asText()).isEqualTo("drone sent to look");
                    assertThat(e.get("target").asText()).isEqualTo("drone-1");
                    assertThat(e.get("actor").asText()).isEqualTo("coordinator, for a tip by tip:courier-17");
                    assertThat(e.get("detail").asText()).startsWith("alert " + alertId);
                }));
    }

    @Test
    void withInspectionsOffATipSendsNoDroneAndTheAlertSaysNothingOfDrones() throws Exception {
        SimClock[] clock = new SimClock[1];
        Coordinator c = start(false, clock);

        HttpResponse<String> created = call(c, "POST", "/tips", tip("tip-off", clock[0].asClock().instant().minusSeconds(30)));
        String alertId = JSON.readTree(created.body()).get("alertId").asText();
        // the control room's confirmation goes through the same worker queue after the tip, and is answered
        assertThat(call(c, "POST", "/alerts/" + alertId + "/confirm", "{}").statusCode()).isEqualTo(200);

        assertThat(reasons(c, alertId)).noneMatch(r -> r.contains("drone"));
        assertThat(c.fleet().states().get(0).inAir()).isFalse();
        assertThat(c.fleet().busyDrones()).isEmpty();
    }
}
