package org.winterwatch.coordinator.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator is killed with SIGKILL in the middle of a burst of 2,000 detections at 200 places and started
 * again; it runs as a separate process on PostgreSQL and a real Mosquitto. Every detection ends up in an alert and
 * every alert's final version reaches the team topic (lost = 0, unexpected = 0).
 */
class CoordinatorKillIT {

    @TempDir
    Path dir;

    static String pgUrl() {
        String url = System.getenv("WW_TEST_PG_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres" : url;
    }

    @Test
    void nothingIsLostWhenTheCoordinatorIsKilledMidBurst() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String schema = "ww_it_kill_" + run;
        try (Connection c = DriverManager.getConnection(pgUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String dbUrl = pgUrl() + "&currentSchema=" + schema;
        Files.writeString(dir.resolve("winterwatch.yaml"), String.join("\n",
                "teams:",
                "  - id: " + BrokerOutageIT.TEAM,
                "    zone: [[113.09, 40.19], [113.16, 40.19], [113.16, 40.23], [113.09, 40.23]]",
                "tokens:",
                "  - { role: admin, token: \"admin-token-for-the-kill-test\" }",
                ""));
        try (MosquittoProcess broker = new MosquittoProcess(dir.resolve("mosquitto")).start()) {
            List<String> args = List.of("--mqtt-url", broker.url(), "--db-url", dbUrl, "--http-port", "0",
                    "--data-dir", dir.resolve("data").toString(), "--config", dir.resolve("winterwatch.yaml").toString());
            CoordinatorProcess coordinator = new CoordinatorProcess(dir, args).start();
            try (TeamPhone phone = new TeamPhone(broker.url(), "phone-" + run);
                 SensorFleet sensors = new SensorFleet(broker.url())) {
                int n = 0;
                while (n < BrokerOutageIT.DETECTIONS / 2) {
                    String[] d = SensorFleet.detection(run, n++, BrokerOutageIT.PLACES, Instant.now());
                    sensors.send(d[0], d[1]);
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> detections(dbUrl) >= 200);
                coordinator.kill();
                while (n < BrokerOutageIT.DETECTIONS * 3 / 4) {
                    String[] d = SensorFleet.detection(run, n++, BrokerOutageIT.PLACES, Instant.now());
                    sensors.send(d[0], d[1]);
                }
                coordinator = new CoordinatorProcess(dir, args).start();
                while (n < BrokerOutageIT.DETECTIONS) {
                    String[] d = SensorFleet.detection(run, n++, BrokerOutageIT.PLACES, Instant.now());
                    sensors.send(d[0], d[1]);
                }
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                        sensors.resendOutstanding() == 0 && detections(dbUrl) == BrokerOutageIT.DETECTIONS
                                && finalVersions(dbUrl).entrySet().stream()
                                .allMatch(e -> phone.newestVersion.getOrDefault(e.getKey(), 0L) >= e.getValue()));

                Map<String, Long> versions = finalVersions(dbUrl);
                long lost = versions.entrySet().stream()
                        .filter(e -> phone.newestVersion.getOrDefault(e.getKey(), 0L) < e.getValue()).count();
                System.out.printf("coordinator kill: alerts=%d detections=%d lost=%d duplicates=%d unexpected=%d%n",
                        versions.size(), detections(dbUrl), lost, phone.duplicates.get(), phone.conflicting.get());
                assertThat(versions).hasSize(BrokerOutageIT.PLACES);
                assertThat(lost).isZero();
                assertThat(phone.conflicting).hasValue(0);
            } finally {
                coordinator.close();
                try (Connection c = DriverManager.getConnection(pgUrl()); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    /** Detections stored in that schema; 0 before the coordinator has created it. */
    static long detections(String dbUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM detections")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            return 0; // the schema is created by the coordinator's first start
        }
    }

    /** Each alert's latest version in that schema. */
    static Map<String, Long> finalVersions(String dbUrl) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(dbUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT alert_id, version FROM alerts")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
