package org.winterwatch.coordinator.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} processes with the same flags but their HTTP port and data directory, on one PostgreSQL and one
 * Mosquitto, are one coordinator: one active, one standby. The active one is killed with SIGKILL mid-burst, twice
 * over (the first standby, once active, is killed in turn while a fresh standby waits): each time the standby is
 * active within 15 s, and in the end every detection is in an alert, every place has one alert, and the team's phone
 * has every alert's final version (lost = 0, unexpected = 0).
 */
class FailoverIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aStandbyTakesOverWithinFifteenSecondsAndNothingIsLostOrDoubled() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String schema = "ww_it_failover_" + run;
        try (Connection c = DriverManager.getConnection(CoordinatorKillIT.pgUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String dbUrl = CoordinatorKillIT.pgUrl() + "&currentSchema=" + schema;
        Files.writeString(dir.resolve("winterwatch.yaml"), String.join("\n",
                "teams:",
                "  - id: " + BrokerOutageIT.TEAM,
                "    zone: [[113.09, 40.19], [113.16, 40.19], [113.16, 40.23], [113.09, 40.23]]",
                "tokens:",
                "  - { role: admin, token: \"admin-token-for-the-failover-test\" }",
                ""));
        List<CoordinatorProcess> all = new ArrayList<>();
        try (MosquittoProcess broker = new MosquittoProcess(dir.resolve("mosquitto")).start()) {
            CoordinatorProcess first = start(all, "one", broker, dbUrl);
            CoordinatorProcess second = start(all, "two", broker, dbUrl);
            assertThat(role(first)).isEqualTo("active");
            assertThat(role(second)).isEqualTo("standby");
            assertThat(second.log()).as("a standby runs no pipeline").doesNotContain("coordinator active");

            try (TeamPhone phone = new TeamPhone(broker.url(), "phone-" + run);
                 SensorFleet sensors = new SensorFleet(broker.url())) {
                int total = BrokerOutageIT.DETECTIONS;
                int n = send(sensors, run, 0, total / 4);
                await().atMost(Duration.ofSeconds(60)).until(() -> detections(dbUrl) >= 200);

                long firstFailoverMs = killAndAwaitTakeOver(first, second);
                n = send(sensors, run, n, total / 2);
                CoordinatorProcess third = start(all, "three", broker, dbUrl);
                assertThat(role(third)).isEqualTo("standby");
                n = send(sensors, run, n, total * 3 / 4);

                long secondFailoverMs = killAndAwaitTakeOver(second, third);
                send(sensors, run, n, total);

                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                        sensors.resendOutstanding() == 0 && detections(dbUrl) == total
                                && finalVersions(dbUrl).entrySet().stream()
                                .allMatch(e -> phone.newestVersion.getOrDefault(e.getKey(), 0L) >= e.getValue()));

                Map<String, Long> versions = finalVersions(dbUrl);
                long lost = versions.entrySet().stream()
                        .filter(e -> phone.newestVersion.getOrDefault(e.getKey(), 0L) < e.getValue()).count();
                System.out.printf("failover: takeover %d ms and %d ms, alerts=%d places=%d detections=%d lost=%d "
                                + "duplicates=%d unexpected=%d%n", firstFailoverMs, secondFailoverMs, versions.size(),
                        BrokerOutageIT.PLACES, detections(dbUrl), lost, phone.duplicates.get(), phone.conflicting.get());
                assertThat(firstFailoverMs).isLessThanOrEqualTo(15_000);
                assertThat(secondFailoverMs).isLessThanOrEqualTo(15_000);
                assertThat(versions).as("one alert per place, none doubled by the takeover").hasSize(BrokerOutageIT.PLACES);
                assertThat(lost).isZero();
                assertThat(phone.conflicting).hasValue(0);
            } finally {
                for (CoordinatorProcess p : all) {
                    p.close();
                }
                try (Connection c = DriverManager.getConnection(CoordinatorKillIT.pgUrl()); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private CoordinatorProcess start(List<CoordinatorProcess> all, String name, MosquittoProcess broker, String dbUrl)
            throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        CoordinatorProcess p = new CoordinatorProcess(home, List.of("--mqtt-url", broker.url(), "--db-url", dbUrl,
                "--http-port", "0", "--data-dir", home.resolve("data").toString(),
                "--config", dir.resolve("winterwatch.yaml").toString()));
        all.add(p);
        return p.start();
    }

    /** Kills the active one with SIGKILL; returns the milliseconds until the standby says it is active and UP. */
    private static long killAndAwaitTakeOver(CoordinatorProcess active, CoordinatorProcess standby) throws Exception {
        int port = standby.httpPort();
        long killedAt = System.nanoTime();
        active.kill();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> health = health(port);
            return health.statusCode() == 200 && health.body().contains("\"role\":\"active\"");
        });
        return (System.nanoTime() - killedAt) / 1_000_000;
    }

    private static int send(SensorFleet sensors, String run, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            String[] d = SensorFleet.detection(run, i, BrokerOutageIT.PLACES, Instant.now());
            sensors.send(d[0], d[1]);
        }
        return to;
    }

    private static String role(CoordinatorProcess p) throws Exception {
        String body = health(p.httpPort()).body();
        return body.contains("\"role\":\"active\"") ? "active" : body.contains("\"role\":\"standby\"") ? "standby" : body;
    }

    private static HttpResponse<String> health(int port) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long detections(String dbUrl) throws Exception {
        return CoordinatorKillIT.detections(dbUrl);
    }

    private static Map<String, Long> finalVersions(String dbUrl) throws Exception {
        return CoordinatorKillIT.finalVersions(dbUrl);
    }
}
