package org.winterwatch.coordinator.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps as a relief centre runs them: {@code winterwatch simulate} with 4 drones and {@code winterwatch serve}, each
 * its own JVM with the flags an operator types, on a Mosquitto of the test's own, launched and watched through the
 * HTTP API. One drone loses its link for good mid-sortie (the scenario's failure); in another run the coordinator is
 * killed with SIGKILL mid-sweep and started again. Either way the sweep must end done, every site swept once.
 */
class SweepServeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SPEEDUP = "20";
    private static final int DRONES = 4;
    /** Eight sites of the demo layer around the launch point: four drones, each a sortie or two. */
    private static final List<String> SITES = List.of("br-02", "br-03", "br-06", "cv-01", "cv-02", "up-01", "up-02",
            "ot-01");
    private static final Duration SWEEP_WAIT = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private CoordinatorProcess serve;
    private String token;
    private int httpPort;

    @AfterEach
    void stopAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void aDroneLostForGoodMidSortieHasItsSitesSweptByTheOthersAndTheSweepEndsDone() throws Exception {
        // the scenario: drone-2's link goes for good 400 simulated seconds in (20 real seconds at x20); a mild night,
        // because the planner does not derate batteries for the cold yet (issue 12) and a simulated battery at -18 C
        // runs out on the longer sorties that take over drone-2's sites (its failsafe return is a drop-out of its own)
        Path scenario = dir.resolve("failures.json");
        Files.writeString(scenario, "{\"ambientTempC\": 5, \"failures\": [{\"atS\": 400, \"drone\": \"drone-2\", "
                + "\"kind\": \"link_loss\"}]}");
        startAll(List.of("--scenario", scenario.toString()), List.of(), "");
        String id = launch();

        JsonNode done = awaitEnd(id);

        System.out.println("sweep " + id + " " + done.path("state").asText() + " counts=" + done.path("counts")
                + " dropped=" + done.path("droppedDroneIds"));
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.path("droppedDroneIds")).extracting(JsonNode::asText).contains("drone-2");
        JsonNode lostSortie = null;
        for (JsonNode sortie : done.path("sorties")) {
            if (sortie.path("droneId").asText().equals("drone-2") && sortie.path("state").asText().equals("failed")) {
                lostSortie = sortie;
            }
        }
        assertThat(lostSortie).as("drone-2 was flying a sortie when its link went").isNotNull();
        assertThat(lostSortie.path("reason").asText()).startsWith("link lost for");
        assertThat(done.path("sites")).hasSize(SITES.size())
                .allSatisfy(site -> assertThat(site.path("state").asText()).as(site.toString()).isEqualTo("swept"));
        Map<String, Integer> sweptBy = new HashMap<>();
        done.path("sites").forEach(s -> sweptBy.merge(s.path("droneId").asText(), 1, Integer::sum));
        // what drone-2 swept before its link went stays its own; the rest of its sortie was swept by the others
        Instant lostAt = Instant.parse(lostSortie.path("endedAt").asText());
        int handedOver = 0;
        for (JsonNode site : lostSortie.path("siteIds")) {
            JsonNode s = siteNode(done, site.asText());
            if (s.path("droneId").asText().equals("drone-2")) {
                assertThat(Instant.parse(s.path("sweptAt").asText())).as(site.asText()).isBefore(lostAt);
            } else {
                handedOver++;
            }
        }
        assertThat(handedOver).as("sites of the lost sortie swept by the others").isPositive();
        System.out.println("sites swept by drone: " + sweptBy);
    }

    @Test
    void aCoordinatorKilledMidSweepAndStartedAgainFinishesTheSweep() throws Exception {
        // on PostgreSQL, as a relief centre runs it (and without the embedded database's wait for a stale heartbeat)
        String schema = "ww_it_sweep_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(CoordinatorKillIT.pgUrl()); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        opened.add(() -> {
            try (Connection c = DriverManager.getConnection(CoordinatorKillIT.pgUrl()); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        });
        String dbUrl = CoordinatorKillIT.pgUrl() + "&currentSchema=" + schema;
        // with a fleet file, as a centre with bases runs it: the solver shares the sites, from the drones' base
        Path fleet = Files.writeString(dir.resolve("fleet.yaml"), """
                bases: [{id: yuhe-west, lat: 40.0905, lon: 113.3345}]
                drones:
                  - {id: drone-1, base: yuhe-west, enduranceMin: 25, speedMps: 10}
                  - {id: drone-2, base: yuhe-west, enduranceMin: 25, speedMps: 10}
                  - {id: drone-3, base: yuhe-west, enduranceMin: 25, speedMps: 10}
                  - {id: drone-4, base: yuhe-west, enduranceMin: 25, speedMps: 10}
                reserve: 0.2
                swapMin: 5
                """);
        startAll(List.of(), List.of("--db-url", dbUrl), "fleet: " + fleet + "\nsweeps:\n  solver_time_s: 2\n");
        String id = launch();
        await().atMost(SWEEP_WAIT).pollInterval(Duration.ofMillis(250)).until(() -> count(sweep(id), "swept") >= 1);

        serve.kill();
        Instant killed = Instant.now();
        serve.start();
        // back in control: the restarted coordinator records the sweep's next change (a site swept, a sortie landed)
        Instant firstChange = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> firstChangeAfter(dbUrl, id, killed), t -> t != null);
        System.out.println("restart: first change recorded " + Duration.between(killed, firstChange).toMillis()
                + " ms after the SIGKILL");

        JsonNode done = awaitEnd(id);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.path("sites")).allSatisfy(site -> assertThat(site.path("state").asText()).isEqualTo("swept"));
        try (Connection c = DriverManager.getConnection(dbUrl); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT subject, COUNT(*) FROM sweep_transitions WHERE sweep_id = '"
                     + id + "' AND to_state = 'swept' GROUP BY subject")) {
            int sites = 0;
            while (rs.next()) {
                assertThat(rs.getInt(2)).as(rs.getString(1) + " swept once").isEqualTo(1);
                sites++;
            }
            assertThat(sites).isEqualTo(SITES.size());
        }
    }

    private static Instant firstChangeAfter(String dbUrl, String id, Instant after) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl);
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "SELECT MIN(happened_at) FROM sweep_transitions WHERE sweep_id = ? AND happened_at > ?")) {
            ps.setString(1, id);
            ps.setTimestamp(2, java.sql.Timestamp.from(after));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                java.sql.Timestamp t = rs.getTimestamp(1);
                return t == null ? null : t.toInstant();
            }
        }
    }

    private void startAll(List<String> simulateExtra, List<String> serveExtra, String configExtra) throws Exception {
        MosquittoProcess broker = new MosquittoProcess(dir.resolve("mosquitto")).start();
        opened.add(broker);
        int grpcBase = freePorts(DRONES);
        List<String> simulateArgs = new ArrayList<>(List.of("--speedup", SPEEDUP, "--drones", Integer.toString(DRONES),
                "--grpc-base-port", Integer.toString(grpcBase), "--mqtt-url", broker.url()));
        simulateArgs.addAll(simulateExtra);
        opened.add(new SimulatorProcess(dir, simulateArgs).start());
        httpPort = freePorts(1);
        Path serveDir = Files.createDirectories(dir.resolve("serve"));
        // the test launches its own sweeps: patrols launched by the clock (a night window, a cold wave) stay off;
        // the control room's weather is the simulated night's (5 C), on which sorties are planned
        Path config = Files.writeString(serveDir.resolve("winterwatch.yaml"),
                "ambient_temp_c: 5\npatrol:\n  enabled: false\n" + configExtra);
        List<String> serveArgs = new ArrayList<>(List.of("--mqtt-url", broker.url(), "--http-host", "127.0.0.1",
                "--http-port", Integer.toString(httpPort), "--data-dir", serveDir.toString(),
                "--drone-link-timeout-s", "1", "--config", config.toString()));
        serveArgs.addAll(serveExtra);
        for (int i = 0; i < DRONES; i++) {
            serveArgs.addAll(List.of("--drone", "drone-" + (i + 1) + "=127.0.0.1:" + (grpcBase + i)));
        }
        serve = new CoordinatorProcess(serveDir, serveArgs).start();
        opened.add(serve);
        token = JSON.readTree(serveDir.resolve("tokens.json").toFile()).get("operator").asText();
    }

    /** Launches the sweep once every drone is connected, as an operator would. */
    private String launch() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode drones = JSON.readTree(HTTP.send(request("/drones").GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            int ready = 0;
            for (JsonNode d : drones) {
                ready += d.path("connected").asBoolean() && !d.path("lat").isNull() ? 1 : 0;
            }
            return ready == DRONES;
        });
        String body = JSON.writeValueAsString(Map.of("siteIds", SITES));
        HttpResponse<String> created = HTTP.send(request("/sweeps").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("droneIds")).hasSize(DRONES);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/api/v1/sweeps/s-"));
        return JSON.readTree(created.body()).path("sweepId").asText();
    }

    private JsonNode awaitEnd(String id) {
        return await().atMost(SWEEP_WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> sweep(id), s -> !s.path("state").asText().matches("planned|flying"));
    }

    private JsonNode sweep(String id) throws Exception {
        HttpResponse<String> r = HTTP.send(request("/sweeps/" + id).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET sweep: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1" + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10));
    }

    private static long count(JsonNode sweep, String state) {
        long n = 0;
        for (JsonNode site : sweep.path("sites")) {
            n += site.path("state").asText().equals(state) ? 1 : 0;
        }
        return n;
    }

    private static JsonNode siteNode(JsonNode sweep, String siteId) {
        for (JsonNode site : sweep.path("sites")) {
            if (site.path("siteId").asText().equals(siteId)) {
                return site;
            }
        }
        throw new AssertionError("no site " + siteId);
    }

    /** The first of {@code n} consecutive free ports (best effort: probed, then released). */
    private static int freePorts(int n) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                base = s.getLocalPort();
            }
            if (base + n > 65535) {
                continue;
            }
            boolean free = true;
            for (int i = 1; i < n && free; i++) {
                try (ServerSocket s = new ServerSocket(base + i, 1, InetAddress.getLoopbackAddress())) {
                    free = true;
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no " + n + " consecutive free ports");
    }
}
