package org.winterwatch.coordinator.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.broker.EmbeddedBroker;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.coordinator.http.Role;
import org.winterwatch.geo.layer.SiteLayers;

/**
 * Every endpoint of the API against no token, a wrong token and each role (CONTRACT §5): a caller without a valid
 * token gets 401, a role the endpoint is not for gets 403, and the roles it is for get past both (whatever the
 * endpoint then says of the request itself). Add a row with every endpoint.
 */
class AuthorizationMatrixTest {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> ALERT_READERS = EnumSet.of(Role.CONTROLROOM, Role.GROUNDTEAM, Role.ADMIN);
    private static final Set<Role> CONTROL_ROOM = EnumSet.of(Role.CONTROLROOM, Role.ADMIN);
    private static final Set<Role> SWEEPERS = EnumSet.of(Role.OPERATOR, Role.ADMIN);
    private static final Set<Role> SWEEP_READERS = EnumSet.of(Role.OPERATOR, Role.CONTROLROOM, Role.ADMIN);

    /** One endpoint and the roles it is for. */
    record Row(String method, String path, String body, Set<Role> roles) {
    }

    private static final List<Row> MATRIX = List.of(
            new Row("GET", "/api/v1/alerts", null, ALERT_READERS),
            new Row("GET", "/api/v1/alerts/a-none", null, ALERT_READERS),
            new Row("POST", "/api/v1/alerts/a-none/ack", "{}", ALERT_READERS),
            new Row("POST", "/api/v1/alerts/a-none/arrive", "{}", ALERT_READERS),
            new Row("POST", "/api/v1/alerts/a-none/resolve", "{\"outcome\":\"false_alarm\"}", ALERT_READERS),
            new Row("POST", "/api/v1/alerts/a-none/handover", "{}", ALERT_READERS),
            new Row("POST", "/api/v1/alerts/a-none/confirm", "{}", CONTROL_ROOM),
            new Row("POST", "/api/v1/alerts/a-none/dismiss", "{}", CONTROL_ROOM),
            new Row("POST", "/api/v1/tips", "{}", ALL),
            new Row("PUT", "/api/v1/weather", "{\"ambientTempC\":-8}", CONTROL_ROOM),
            new Row("GET", "/api/v1/weather", null, ALL),
            new Row("GET", "/api/v1/stats", null, CONTROL_ROOM),
            new Row("GET", "/api/v1/metrics", null, EnumSet.of(Role.OPERATOR, Role.CONTROLROOM, Role.ADMIN)),
            new Row("GET", "/metrics", null, EnumSet.of(Role.OPERATOR, Role.CONTROLROOM, Role.ADMIN)),
            new Row("GET", "/api/v1/sites", null, ALL),
            new Row("GET", "/api/v1/drones", null, EnumSet.of(Role.OPERATOR, Role.CONTROLROOM, Role.ADMIN)),
            new Row("GET", "/api/v1/audit", null, EnumSet.of(Role.ADMIN)),
            new Row("POST", "/api/v1/sweeps", "{\"siteIds\":[\"zz-none\"]}", SWEEPERS),
            new Row("GET", "/api/v1/sweeps", null, SWEEP_READERS),
            new Row("GET", "/api/v1/sweeps/s-none", null, SWEEP_READERS),
            new Row("POST", "/api/v1/sweeps/s-none/abort", "{}", SWEEPERS),
            new Row("POST", "/api/v1/drones/drone-none/return", "{}", SWEEPERS),
            new Row("GET", "/api/v1/schedule", null, SWEEP_READERS),
            new Row("GET", "/api/v1/whoami", null, ALL),
            new Row("GET", "/api/v1/events", null, ALL),
            new Row("GET", "/api/v1/events?types=alert", null, ALERT_READERS),
            new Row("GET", "/api/v1/events?types=drone,sweep", null, SWEEP_READERS));

    private static Path dir;
    private static EmbeddedBroker broker;
    private static Coordinator coordinator;

    private static String token(Role role) {
        return "matrix-" + role.wireName() + "-token-0123456789";
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("ww-matrix");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        broker = EmbeddedBroker.start(dir.resolve("broker"), port);
        AccessTokens tokens = new AccessTokens();
        for (Role role : Role.values()) {
            tokens.add(token(role), new AccessTokens.Grant(role, role == Role.GROUNDTEAM ? "team-north" : null));
        }
        coordinator = Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-test-" + UUID.randomUUID(),
                Database.embedded(dir), SiteLayers.demoLayer(), List.of(), Clock.systemUTC(), AlertPolicy.defaults(),
                new HttpSettings("127.0.0.1", 0, tokens, 1_000, 1_000), -8, Duration.ofHours(6), List.of()));
    }

    @AfterAll
    static void stop() throws Exception {
        coordinator.close();
        broker.close();
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheContractSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        int client = 2;
        for (Row row : MATRIX) {
            // callers without a valid token each come from an address of their own (127.0.0.x): failed
            // authentications are limited per address, and this test is not the brute force that limit is for
            check(row, "no token", status(row, null, "127.0.0." + client++), Set.of(401), wrong);
            check(row, "wrong token", status(row, "not-a-token-" + UUID.randomUUID(), "127.0.0." + client++), Set.of(401), wrong);
            for (Role role : Role.values()) {
                int got = status(row, token(role), "127.0.0.1");
                if (row.roles().contains(role)) {
                    if (got == 401 || got == 403 || got >= 500) {
                        wrong.add(row.method() + " " + row.path() + " as " + role.wireName() + ": " + got + " (allowed)");
                    }
                } else {
                    check(row, role.wireName(), got, Set.of(403), wrong);
                }
            }
        }
        assertThat(wrong).as("answers that break the contract's table").isEmpty();
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        assertThat(status(new Row("GET", "/api/v1/health", null, ALL), null, "127.0.0.1")).isEqualTo(200);
    }

    private static void check(Row row, String caller, int got, Set<Integer> expected, List<String> wrong) {
        if (!expected.contains(got)) {
            wrong.add(row.method() + " " + row.path() + " as " + caller + ": " + got + ", expected " + expected);
        }
    }

    /** One request over a socket bound to {@code from}; returns the status code. */
    private static int status(Row row, String token, String from) throws IOException {
        byte[] body = row.body() == null ? new byte[0] : row.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(row.method() + " " + row.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n");
        if (token != null) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (body.length > 0) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), coordinator.httpPort()), 10_000);
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            // the status line only: an event stream's answer never ends
            String statusLine = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
