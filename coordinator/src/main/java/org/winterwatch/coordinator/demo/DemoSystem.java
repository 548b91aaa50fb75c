package org.winterwatch.coordinator.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.book.TeamZone;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.app.Coordinator;
import org.winterwatch.coordinator.app.CoordinatorSettings;
import org.winterwatch.coordinator.app.DroneEndpoint;
import org.winterwatch.coordinator.app.StartupException;
import org.winterwatch.coordinator.broker.EmbeddedBroker;
import org.winterwatch.coordinator.fleet.InspectionSettings;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.simulator.Scenario;
import org.winterwatch.simulator.SimClock;
import org.winterwatch.simulator.Simulator;
import org.winterwatch.simulator.SimulatorConfig;
import org.winterwatch.simulator.teams.GroundTeams;

/**
 * The whole system in one process on embedded parts: broker, database, simulator, coordinator, demo layer.
 *
 * <p>Used by {@code winterwatch demo} and by the end-to-end tests, which pass an external broker instead.
 */
public final class DemoSystem implements AutoCloseable {

    /**
     * Who takes over an alert its team did not acknowledge in time: team-south has no crew out in the demo, so its
     * alerts pass to team-centre; team-centre and team-north back each other up, so an alert goes back and forth
     * between them, more urgent each time, until a crew is free (the control room sees every alert meanwhile).
     */
    static final List<TeamZone> ESCALATION = List.of(new TeamZone("team-south", null, "team-centre"),
            new TeamZone("team-centre", null, "team-north"), new TeamZone("team-north", null, "team-centre"));

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final Simulator simulator;
    private final Coordinator coordinator;
    private final String mqttUrl;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final Map<String, String> tokens;
    private final Path tokensFile;

    private DemoSystem(Simulator simulator, Coordinator coordinator, String mqttUrl,
                       Map<String, String> tokens, Path tokensFile, List<AutoCloseable> parts) {
        this.simulator = simulator;
        this.coordinator = coordinator;
        this.mqttUrl = mqttUrl;
        this.tokens = tokens;
        this.tokensFile = tokensFile;
        this.parts.addAll(parts);
    }

    /**
     * Starts everything; with {@code externalMqttUrl} null an embedded broker is started on
     * {@code options.mqttPort()}.
     */
    public static DemoSystem start(DemoOptions options, String externalMqttUrl) throws StartupException, IOException {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Files.createDirectories(options.dataDir());
            String mqttUrl = externalMqttUrl;
            if (mqttUrl == null) {
                EmbeddedBroker broker = EmbeddedBroker.start(options.dataDir().resolve("broker"), options.mqttPort());
                started.add(broker);
                mqttUrl = broker.url();
            }
            SiteLayer layer = SiteLayers.demoLayer();
            Scenario scenario = Scenario.demo();
            SimulatorConfig simConfig = SimulatorConfig.demo(mqttUrl)
                    .withDrones(options.drones())
                    .withGrpcBasePort(0)
                    .withSpeedup(options.speedup());
            SimClock clock = SimClock.startingAt(Instant.now(), options.speedup());
            Instant t0 = clock.now();
            // the demo's coordinator lives in simulated time, so detections are stamped with that clock too
            Simulator simulator = Simulator.start(simConfig, clock, clock.asClock());
            started.add(simulator);
            // the scenario's ground teams answer on the broker, as their phones' app would
            started.add(GroundTeams.start(scenario, simConfig.seed(), clock, t0, mqttUrl, "ww/v1", o -> { }));

            AccessTokens tokens = new AccessTokens();
            Map<String, String> clear = AccessTokens.generate(tokens, new SecureRandom(), "team-centre");
            Path tokensFile = options.dataDir().resolve("demo-tokens.json");
            Files.writeString(tokensFile, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(clear));

            List<DroneEndpoint> drones = new ArrayList<>();
            for (int i = 0; i < simulator.droneCount(); i++) {
                drones.add(new DroneEndpoint(simulator.droneId(i), "127.0.0.1", simulator.grpcPort(i)));
            }
            CoordinatorSettings settings = new CoordinatorSettings(mqttUrl, "ww/v1",
                    "ww-coordinator-demo-" + Long.toHexString(new SecureRandom().nextLong()),
                    Database.embedded(options.dataDir()), layer, drones, clock.asClock(), AlertPolicy.defaults(),
                    new HttpSettings("127.0.0.1", options.httpPort(), tokens), scenario.ambientTempC(),
                    Duration.ofHours(6), ESCALATION)
                    // in the demo a tip posted to the API sends the nearest free drone to look
                    .withInspection(InspectionSettings.defaults().withEnabled(true));
            Coordinator coordinator = Coordinator.start(settings);
            started.add(coordinator);
            return new DemoSystem(simulator, coordinator, mqttUrl, clear, tokensFile, started);
        } catch (StartupException | IOException | RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /**
     * Once every drone is connected, launches a sweep of every patrol site with every drone the way an operator
     * does: {@code POST /api/v1/sweeps} with the operator's token. Completes with the sweep as the API answered.
     */
    public CompletableFuture<JsonNode> launchSweep() {
        HttpRequest launch = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + coordinator.httpPort() + "/api/v1/sweeps"))
                .header("Authorization", "Bearer " + tokens.get("operator"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        return coordinator.fleet().connectAll()
                .thenCompose(v -> HTTP.sendAsync(launch, HttpResponse.BodyHandlers.ofString()))
                .thenApply(response -> {
                    try {
                        JsonNode body = new ObjectMapper().readTree(response.body());
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException("sweep not launched: HTTP " + response.statusCode() + " "
                                    + body.path("error").asText() + " " + body.path("details"));
                        }
                        return body;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    public Coordinator coordinator() {
        return coordinator;
    }

    public Simulator simulator() {
        return simulator;
    }

    public String mqttUrl() {
        return mqttUrl;
    }

    public Map<String, String> tokens() {
        return tokens;
    }

    public Path tokensFile() {
        return tokensFile;
    }

    @Override
    public void close() {
        closeAll(parts);
    }

    private static void closeAll(List<AutoCloseable> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                // closing the rest matters more than the reason one part did not close cleanly
            }
        }
        parts.clear();
    }
}
