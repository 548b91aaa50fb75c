package org.winterwatch.coordinator.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.winterwatch.alerts.Topics;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.book.TeamZone;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.app.Coordinator;
import org.winterwatch.coordinator.app.CoordinatorSettings;
import org.winterwatch.coordinator.broker.MosquittoAcl;
import org.winterwatch.coordinator.cli.WinterWatchCli;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.coordinator.reliability.MosquittoProcess;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;

/**
 * Mosquitto set up as deploy/mosquitto says (no anonymous clients, a password file, the ACL written by
 * {@code winterwatch mqtt-acl}), with the coordinator, two teams' phones, a sensor and a stranger as clients: the
 * coordinator logs in and a sensor's detection reaches its team as an alert, and only that team; a team cannot read
 * another team's alerts nor forge detections, a sensor cannot speak for another; an anonymous client and a wrong
 * password are refused, the latter with one clear line within 5 s, and health names a refusal that comes later.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredBrokerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Topics TOPICS = new Topics("ww/v1");
    private static final LatLon NORTH_PLACE = new LatLon(40.20, 113.10);
    private static final LatLon SOUTH_PLACE = new LatLon(40.30, 113.20);
    private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();

    static {
        PASSWORDS.put("ww-coordinator", "coordinator-secret");
        PASSWORDS.put("team-north", "north-secret");
        PASSWORDS.put("team-south", "south-secret");
        PASSWORDS.put("sensor-1", "sensor-secret");
        PASSWORDS.put("sensor-2", "sensor2-secret");
    }

    @TempDir
    static Path dir;
    private static MosquittoProcess broker;
    private static Path passwordFile;
    private static Coordinator coordinator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @BeforeAll
    static void brokerAndCoordinator() throws Exception {
        passwordFile = BrokerUsers.write(dir.resolve("passwd"), PASSWORDS);
        Path acl = Files.writeString(dir.resolve("acl"), MosquittoAcl.of(TOPICS, new MosquittoAcl.Roles("ww-coordinator",
                List.of("team-north", "team-south"), List.of("sensor-1", "sensor-2"), List.of(), List.of(), List.of()))
                .text());
        broker = MosquittoProcess.withSettings(dir.resolve("mosquitto"), "allow_anonymous false",
                "password_file " + passwordFile, "acl_file " + acl).start();
        coordinator = Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-coordinator",
                Database.embedded(dir.resolve("db")), SiteLayers.demoLayer(), List.of(), Clock.systemUTC(),
                AlertPolicy.defaults(), new HttpSettings("127.0.0.1", 0, new AccessTokens()), -15, Duration.ofHours(6),
                List.of(zoneAround("team-north", NORTH_PLACE), zoneAround("team-south", SOUTH_PLACE)))
                .withMqttSecurity(login("ww-coordinator")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (coordinator != null) {
            coordinator.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void aSensorsDetectionReachesItsTeamAndNoOtherTeam() throws Exception {
        try (LoggedInClient north = LoggedInClient.connect(broker.url(), login("team-north"));
             LoggedInClient south = LoggedInClient.connect(broker.url(), login("team-south"));
             LoggedInClient sensor = LoggedInClient.connect(broker.url(), login("sensor-1"))) {
            // given each team listening to its own alerts, and the south team trying to listen to the north's too
            assertThat(north.subscribe(TOPICS.alerts("team-north"))).containsExactly(1);
            int[] southCodes = south.subscribe(TOPICS.alerts("team-south"), TOPICS.alerts("team-north"), TOPICS.allAlerts());
            System.out.println("secured broker: another team's alert subscriptions answered reasonCodes="
                    + java.util.Arrays.toString(southCodes));
            // Mosquitto 2.0 grants every one of these and checks the ACL on each message it would deliver
            assertThat(southCodes[0]).isEqualTo(1);

            // when the sensor reports a person in the north team's zone
            String northId = "d-" + UUID.randomUUID();
            assertThat(sensor.publish(TOPICS.detectionsOf("sensor-1"), detection(northId, "sensor-1", NORTH_PLACE)))
                    .isZero();

            // then the north team gets the alert
            await().atMost(Duration.ofSeconds(10)).until(() -> alertWith(north.receivedOn(TOPICS.alerts("team-north")), northId));

            // and the south team never does: it gets its own later alert, and nothing of the north's before it
            String southId = "d-" + UUID.randomUUID();
            assertThat(sensor.publish(TOPICS.detectionsOf("sensor-1"), detection(southId, "sensor-1", SOUTH_PLACE)))
                    .isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> alertWith(south.receivedOn(TOPICS.alerts("team-south")), southId));
            assertThat(south.received()).allSatisfy(r -> assertThat(r.topic()).isEqualTo(TOPICS.alerts("team-south")));
            assertThat(north.received()).allSatisfy(r -> assertThat(r.topic()).isEqualTo(TOPICS.alerts("team-north")));
        }
    }

    @Test
    @Order(2)
    void aTeamCannotForgeDetectionsNorASensorSpeakForAnother() throws Exception {
        try (LoggedInClient north = LoggedInClient.connect(broker.url(), login("team-north"));
             LoggedInClient sensor = LoggedInClient.connect(broker.url(), login("sensor-1"))) {
            assertThat(north.subscribe(TOPICS.alerts("team-north"))).containsExactly(1);
            // when a team publishes a detection, and a sensor one under another sensor's topic
            String byTeam = "forged-team-" + UUID.randomUUID();
            String bySensor = "forged-sensor-" + UUID.randomUUID();
            int teamCode = north.publish(TOPICS.detectionsOf("team-north"), detection(byTeam, "team-north", NORTH_PLACE));
            int sensorCode = sensor.publish(TOPICS.detectionsOf("sensor-2"), detection(bySensor, "sensor-2", NORTH_PLACE));
            // and a team acknowledges for another team
            int ackCode = north.publish(TOPICS.acksOf("team-south"), "{\"alertId\":\"a-x\",\"action\":\"ack\",\"by\":\"x\"}");
            System.out.println("secured broker: denied publishes answered team=" + teamCode + " sensor=" + sensorCode
                    + " ack=" + ackCode);
            // then the broker says no (MQTT 5: PUBACK reason 0x87, not authorised) ...
            assertThat(List.of(teamCode, sensorCode, ackCode)).containsOnly(0x87);

            // ... and none of it reaches the coordinator: a genuine detection sent after them is in an alert, they are not
            String genuine = "d-" + UUID.randomUUID();
            assertThat(sensor.publish(TOPICS.detectionsOf("sensor-1"), detection(genuine, "sensor-1", NORTH_PLACE))).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> alertWith(north.receivedOn(TOPICS.alerts("team-north")), genuine));
            List<String> accepted = coordinator.alerts(null).stream().flatMap(a -> a.detectionIds().stream()).toList();
            assertThat(accepted).contains(genuine).doesNotContain(byTeam, bySensor);
        }
    }

    @Test
    @Order(3)
    void anAnonymousClientIsRefused() {
        // Mosquitto answers a wrong password and an anonymous client alike: 0x87, not authorised
        assertThatThrownBy(() -> LoggedInClient.connect(broker.url(), MqttSecurity.NONE))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(LoginRefusal.of(e)).isPresent());
    }

    @Test
    @Order(4)
    void aWrongPasswordStopsServeWithOneClearLineWithinFiveSeconds() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong-password"), "not-the-password\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Instant start = Instant.now();
        int code = WinterWatchCli.run(new String[] {"serve", "--mqtt-url", broker.url(), "--mqtt-user", "ww-coordinator",
                "--mqtt-password-file", wrong.toString(), "--data-dir", dir.resolve("serve-data").toString(),
                "--http-port", "0", "--http-host", "127.0.0.1"}, new PrintWriter(out, true), new PrintWriter(err, true));
        Duration took = Duration.between(start, Instant.now());
        System.out.println("secured broker: serve with a wrong password exited " + code + " after " + took.toMillis()
                + " ms: " + err.toString().strip());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .contains("refused the login of user 'ww-coordinator'", "not authorised", broker.url());
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @Order(5)
    void aBridgeWhoseFirstLoginIsRefusedSaysWhy() throws Exception {
        MqttSecurity wrong = MqttSecurity.of("ww-coordinator", "wrong".getBytes(StandardCharsets.UTF_8), null);
        try (MqttBridge bridge = new MqttBridge(broker.url(), "ww-refused-" + UUID.randomUUID(), wrong, TOPICS,
                Clock.systemUTC())) {
            Instant start = Instant.now();
            assertThatThrownBy(() -> bridge.connect().get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(LoginRefusal.of(e)).isPresent());
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    @Order(6)
    void aLoginRefusedAfterARestartShowsInHealthAsNotAuthorised() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> health().path("status").asText().equals("UP"));
        try {
            // when the broker comes back with the coordinator's password changed
            BrokerUsers.change(passwordFile, "ww-coordinator", "rotated-without-telling");
            broker.stop();
            broker.start();
            Instant back = Instant.now();

            // then health says why the broker is down, within 5 s
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                    health().path("components").path("broker").asText().equals("DOWN (not authorised)"));
            System.out.println("secured broker: health showed 'broker: DOWN (not authorised)' "
                    + Duration.between(back, Instant.now()).toMillis() + " ms after the broker's return");
            assertThat(health().path("failing").toString()).contains("broker");
        } finally {
            BrokerUsers.change(passwordFile, "ww-coordinator", PASSWORDS.get("ww-coordinator"));
            broker.stop();
            broker.start();
        }
        // and once the password is right again, the coordinator is back without a restart
        await().atMost(Duration.ofSeconds(10)).until(() -> health().path("status").asText().equals("UP"));
    }

    private JsonNode health() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + coordinator.httpPort()
                + "/api/v1/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static boolean alertWith(List<LoggedInClient.Received> alerts, String detectionId) {
        return alerts.stream().anyMatch(r -> r.payload().path("detectionIds").toString().contains(detectionId));
    }

    private static MqttSecurity login(String user) {
        return MqttSecurity.of(user, PASSWORDS.get(user).getBytes(StandardCharsets.UTF_8), null);
    }

    private static String detection(String id, String source, LatLon p) {
        return "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"kind\":\"thermal\",\"lat\":" + p.lat() + ",\"lon\":"
                + p.lon() + ",\"observedAt\":\"" + Instant.now() + "\",\"confidence\":0.9}";
    }

    private static TeamZone zoneAround(String team, LatLon p) {
        double d = 0.01;
        return new TeamZone(team, new GeometryFactory().createPolygon(new Coordinate[] {
                new Coordinate(p.lon() - d, p.lat() - d), new Coordinate(p.lon() + d, p.lat() - d),
                new Coordinate(p.lon() + d, p.lat() + d), new Coordinate(p.lon() - d, p.lat() + d),
                new Coordinate(p.lon() - d, p.lat() - d)}), null);
    }
}
