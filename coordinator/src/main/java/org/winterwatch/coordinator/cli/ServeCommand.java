package org.winterwatch.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.book.TeamZone;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.alerts.store.LocationRetention;
import org.winterwatch.alerts.wire.DetectionParser;
import org.winterwatch.coordinator.app.Coordinator;
import org.winterwatch.coordinator.app.CoordinatorSettings;
import org.winterwatch.coordinator.app.DroneEndpoint;
import org.winterwatch.coordinator.broker.EmbeddedBroker;
import org.winterwatch.coordinator.fleet.InspectionSettings;
import org.winterwatch.coordinator.patrol.PatrolPolicy;
import org.winterwatch.coordinator.sweep.SweepSettings;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.coordinator.http.Role;
import org.winterwatch.coordinator.mqtt.MqttSecurity;
import org.winterwatch.geo.layer.LayerException;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winterwatch serve}: the coordinator for real use (CONTRACT §1). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the coordinator: MQTT bridge and alert pipeline, HTTP API, drone links.",
                "Settings: defaults < --config YAML < environment (WW_MQTT_URL, ...) < flags."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    Verbosity verbosity;

    @Option(names = "--config", description = "YAML file with settings (keys: http_port, mqtt_url, mqtt_port, mqtt_user, mqtt_password_file, mqtt_ca_file, mqtt_cert_file, mqtt_key_file, db_url, db_user, db_password, data_dir, sites, drone, fleet, tokens, teams, alerts, inspection, sweeps, patrol, tak_url, ambient_temp_c, topic_prefix, rate_limit_per_s, rate_limit_burst, cors_origin, map_tile_url, location_retention_days, max_clock_skew_s, pipeline_stall_s).")
    Path config;
    @Option(names = "--sites", description = "Site layer (GeoJSON); repeatable. Default: the bundled demo layer.")
    List<Path> sites;
    @Option(names = "--http-port", description = "HTTP API port (8080).")
    Integer httpPort;
    @Option(names = "--http-host", description = "Address to listen on (0.0.0.0).")
    String httpHost;
    @Option(names = "--mqtt-url", description = "MQTT 5 broker, e.g. tcp://127.0.0.1:1883 or mqtts://broker:8883 (TLS). "
            + "Absent: an embedded broker on --mqtt-port.")
    String mqttUrl;
    @Mixin
    MqttSecurityOptions mqttSecurity;
    @Option(names = "--mqtt-port", description = "Embedded broker port when no --mqtt-url is given (1883; 0: any free port, printed at start).")
    Integer mqttPort;
    @Option(names = "--db-url", description = "JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres. Absent: H2 under --data-dir.")
    String dbUrl;
    @Option(names = "--data-dir", description = "Folder for the embedded database and broker (./data).")
    Path dataDir;
    @Option(names = "--tak-url", description = "Also send team alerts as Cursor-on-Target events to udp://HOST:PORT or tcp://HOST:PORT (a TAK server or ATAK).")
    String takUrl;
    @Option(names = "--drone-link-timeout-s", description = "How long a drone in a sweep may be out of touch before its sites go to the other drones (5; config sweeps.link_timeout_s).")
    Double droneLinkTimeoutS;

    @Option(names = "--inspect-tips", description = "A tip sends the nearest free drone to look (the config's inspection: section sets its limits).")
    boolean inspectTips;
    @Option(names = "--max-clock-skew-s", description = "How many seconds ahead of this machine's clock a sensor's observedAt "
            + "may be: accepted as seen now, noted in /api/v1/health; further ahead it is dead-lettered (120).")
    Integer maxClockSkewS;
    @Option(names = "--drone", description = "ID=HOST:PORT of a MAVSDK gRPC endpoint (mavsdk_server or the simulator); repeatable.")
    List<String> drones;
    @Option(names = "--fleet", description = "Fleet file (JSON or YAML: bases, drones, reserve, swapMin; config fleet:): "
            + "sweeps are shared among the drones from their bases by the routing solver, each on its own battery.")
    Path fleet;

    private static HttpSettings httpSettings(Settings s, String host, int port, AccessTokens tokens) {
        String perSecond = s.string("rate-limit-per-s", null, Double.toString(HttpSettings.DEFAULT_RATE_PER_SECOND));
        int burst = s.integer("rate-limit-burst", null, HttpSettings.DEFAULT_RATE_BURST);
        String corsOrigin = s.string("cors-origin", null, null);
        double rate;
        try {
            rate = Double.parseDouble(perSecond);
        } catch (NumberFormatException e) {
            throw new UsageError("rate_limit_per_s: '" + perSecond + "' is not a number");
        }
        try {
            return new HttpSettings(host, port, tokens, rate, burst, corsOrigin, s.string("map-tile-url", null, null));
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Settings s = Settings.load(config, System.getenv());
        // the MQTT login first: a missing password or CA file stops everything before anything is written
        String brokerUrl = MqttSecurity.pahoUrl(s.string("mqtt-url", mqttUrl, null));
        MqttSecurity login = mqttSecurity.resolve(s, brokerUrl);
        Path data = Path.of(s.string("data-dir", dataDir == null ? null : dataDir.toString(), "./data"));
        int http = s.integer("http-port", httpPort, 8080);
        String host = s.string("http-host", httpHost, "0.0.0.0");
        String prefix = s.string("topic-prefix", null, "ww/v1");
        List<DroneEndpoint> endpoints = s.list("drone", drones).stream().map(DroneEndpoint::parse).toList();
        SiteLayer layer = readSites(s.list("sites", sites == null ? null : sites.stream().map(Path::toString).toList()));
        String db = s.string("db-url", dbUrl, null);
        Database database = db == null ? Database.embedded(data)
                : Database.of(db, s.string("db-user", null, null), s.string("db-password", null, null));
        double ambient = Double.parseDouble(s.string("ambient-temp-c", null, "-10"));
        AccessTokens tokens = tokens(s, data, out);
        // read every section before anything starts, so that a bad one stops nothing half-started
        AlertPolicy policy = AlertConfig.policy(s.raw("alerts"));
        List<TeamZone> teams = AlertConfig.teams(s.raw("teams"));
        InspectionSettings inspection = InspectionConfig.read(s.raw("inspection"), inspectTips);
        SweepSettings sweeping = SweepConfig.read(s.raw("sweeps"), droneLinkTimeoutS)
                .withFleet(FleetConfig.read(s, fleet, endpoints, layer));
        PatrolPolicy patrol = PatrolConfig.read(s.raw("patrol"));
        HttpSettings api = httpSettings(s, host, http, tokens);
        Duration maxClockSkew = maxClockSkew(s, maxClockSkewS);
        int retentionDays = s.integer("location-retention-days", null, 30);
        Duration keepLocations;
        try {
            keepLocations = LocationRetention.checked(Duration.ofDays(retentionDays));
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }

        List<AutoCloseable> parts = new ArrayList<>();
        warnIfPasswordInClear(out, brokerUrl, login);
        String broker = brokerUrl;
        if (broker == null) {
            int port = s.integer("mqtt-port", mqttPort, 1883);
            if (port < 0 || port > 65535) {
                throw new UsageError("mqtt_port: " + port + " is not a port (0..65535)");
            }
            // 0: any free port, chosen here so that every client is sent to the port the broker listens on
            port = port == 0 ? Ports.freePort() : port;
            EmbeddedBroker embedded = EmbeddedBroker.start(data.resolve("broker"), port);
            parts.add(embedded);
            broker = embedded.url();
        }
        CoordinatorSettings settings = new CoordinatorSettings(broker, prefix, s.string("mqtt-client-id", null, "ww-coordinator"),
                database, layer, endpoints, Clock.systemUTC(), policy,
                api, ambient, Duration.ofHours(6), teams, inspection, maxClockSkew, pipelineStallAfter(s))
                .toBuilder().mqttSecurity(login).sweeps(sweeping).patrol(patrol).build();
        String tak = s.string("tak-url", takUrl, null);
        if (tak != null) {
            new org.winterwatch.coordinator.tak.TakBridge(tak, Clock.systemUTC()).close(); // checks the URL before start
        }
        Coordinator coordinator = Coordinator.start(settings);
        parts.add(coordinator);
        coordinator.keepLocationsFor(keepLocations);
        if (tak != null) {
            coordinator.sendAlertsToTak(tak);
        }
        // drone links belong to the active coordinator: now, or when a standby takes over
        coordinator.whenActive(() -> coordinator.fleet().connectAll().whenComplete((v, e) -> {
            if (e != null) {
                out.println("drone link: " + e.getMessage());
            }
        }));
        out.println("WinterWatch coordinator: " + coordinator.role() + ", MQTT " + broker + ", HTTP " + host + ":" + coordinator.httpPort()
                + ", database " + database.redacted() + ", " + layer.patrolSites().size() + " sites, "
                + endpoints.size() + " drones" + (sweeping.fleetFile() == null ? "" : " at "
                + sweeping.fleetFile().bases().size() + " bases (fleet file; the solver shares each sweep)") + ".");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = parts.size() - 1; i >= 0; i--) {
                try {
                    parts.get(i).close();
                } catch (Exception e) {
                    // best effort on the way out
                }
            }
            stop.countDown();
        }, "ww-shutdown"));
        stop.await();
        return ExitCodes.OK;
    }

    /** A password over plain TCP to another machine can be read on the way: say so, once, at start. */
    private static void warnIfPasswordInClear(PrintWriter out, String brokerUrl, MqttSecurity login) {
        if (login.user() == null || brokerUrl == null || MqttSecurity.isTls(brokerUrl)) {
            return;
        }
        String host = brokerUrl.replaceFirst("^[a-z]+://", "").replaceFirst(":[0-9]+/?$", "");
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
            out.println("warning: the MQTT password goes unencrypted over " + brokerUrl + "; use mqtts:// off loopback");
        }
    }

    /** {@code max_clock_skew_s}: whole seconds, at most a day (a clock further off is broken, not skewed). */
    private static Duration maxClockSkew(Settings s, Integer flag) {
        long defaultS = DetectionParser.DEFAULT_MAX_CLOCK_SKEW.toSeconds();
        int seconds = s.integer("max-clock-skew-s", flag, (int) defaultS);
        if (seconds < 0 || seconds > 86_400) {
            throw new UsageError("max_clock_skew_s: must be within 0..86400 seconds, was " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** {@code pipeline_stall_s}: health says the pipeline is DOWN once its oldest work waited this long (30). */
    private static Duration pipelineStallAfter(Settings s) {
        int seconds = s.integer("pipeline-stall-s", null, (int) CoordinatorSettings.DEFAULT_PIPELINE_STALL_AFTER.toSeconds());
        if (seconds < 1 || seconds > 86_400) {
            throw new UsageError("pipeline_stall_s: must be within 1..86400 seconds, was " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    static SiteLayer readSites(List<String> files) {
        if (files.isEmpty()) {
            return SiteLayers.demoLayer();
        }
        List<Site> all = new ArrayList<>();
        for (String f : files) {
            try {
                all.addAll(SiteLayers.read(Path.of(f)).sites());
            } catch (LayerException e) {
                throw new UsageError("--sites " + f + ": " + e.problems().size() + " problem(s), first: " + e.problems().get(0)
                        + " (run 'winterwatch sites validate " + f + "' for all)");
            }
        }
        return new SiteLayer(all);
    }

    /** Tokens from the config's {@code tokens} list; without any, those in data-dir/tokens.json, made on first use. */
    private static AccessTokens tokens(Settings s, Path data, PrintWriter out) throws IOException {
        AccessTokens tokens = new AccessTokens();
        JsonNode configured = s.raw("tokens");
        if (configured != null && configured.isArray() && !configured.isEmpty()) {
            for (JsonNode t : configured) {
                String roleText = t.path("role").asText("");
                Role role;
                try {
                    role = Role.valueOf(roleText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new UsageError("config tokens: role '" + roleText + "' is not operator, controlroom, groundteam or admin");
                }
                tokens.add(t.path("token").asText(null), new AccessTokens.Grant(role, t.path("team").asText(null)));
            }
            return tokens;
        }
        GeneratedTokens.Loaded loaded = GeneratedTokens.loadOrCreate(data, new SecureRandom(), "team-centre");
        out.println(loaded.madeNow() ? "No tokens configured: wrote one per role to " + loaded.file()
                : "No tokens configured: using the ones in " + loaded.file());
        return loaded.tokens();
    }
}
