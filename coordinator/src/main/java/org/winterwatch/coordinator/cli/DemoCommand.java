package org.winterwatch.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.winterwatch.alerts.figures.TimeToHelp;
import org.winterwatch.coordinator.app.TimeToHelpJson;
import org.winterwatch.coordinator.demo.DemoOptions;
import org.winterwatch.coordinator.demo.DemoSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winterwatch demo}: everything embedded, a simulated sweep of the demo layer, alerts printed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        // the first line stands alone: the top-level --help lists each command with it
        description = {"Runs the whole system on embedded parts and prints each alert as it is raised.",
                "Embedded: an MQTT broker, an H2 database, a simulator with drones and people in the cold, the Yuhe",
                "(Datong) demo layer, and the coordinator with its HTTP API. Sweeps every demo site in simulated time."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    Verbosity verbosity;

    @Option(names = "--drones", defaultValue = "4", description = "Simulated drones (default: ${DEFAULT-VALUE}).")
    int drones;
    @Option(names = "--speedup", defaultValue = "20", description = "Simulated seconds per real second (default: ${DEFAULT-VALUE}).")
    double speedup;
    @Option(names = "--http-port", description = "HTTP API port (default 8080, or a free one when 8080 is taken).")
    Integer httpPort;
    @Option(names = "--mqtt-port", description = "Embedded MQTT broker port (default 1883, or a free one when 1883 is taken).")
    Integer mqttPort;
    @Option(names = "--exit-after", description = "Run this many seconds of real time, then shut down cleanly.")
    Long exitAfterS;
    @Option(names = "--data-dir", defaultValue = "./data", description = "Where the database, broker state and demo tokens go (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (exitAfterS != null && exitAfterS < 1) {
            throw new UsageError("--exit-after must be at least 1 second, was " + exitAfterS);
        }
        int mqtt = Ports.choose("--mqtt-port", mqttPort, 1883);
        int http = Ports.choose("--http-port", httpPort, 8080);
        if (mqttPort == null && mqtt != 1883) {
            out.println("Port 1883 is taken (another broker?): the embedded MQTT broker uses port " + mqtt + ".");
        }
        if (httpPort == null && http != 8080) {
            out.println("Port 8080 is taken: the HTTP API uses port " + http + ".");
        }
        DemoOptions options = new DemoOptions(drones, speedup, http, mqtt, dataDir);
        out.println("Starting WinterWatch demo: " + drones + " drones, speed-up x" + speedup + ", data in " + dataDir);
        DemoSystem system = DemoSystem.start(options, null);
        CountDownLatch stop = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        AlertConsole console = AlertConsole.start(system.mqttUrl(), "ww/v1", out);
        Instant started = system.coordinator().clock().instant();
        Runnable shutdown = () -> {
            if (closed.compareAndSet(false, true)) {
                printNight(out, system, started);
                console.close();
                system.close();
            }
        };
        Thread hook = new Thread(() -> {
            stop.countDown();
            shutdown.run();
        }, "ww-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        int port = system.coordinator().httpPort();
        out.println("MQTT broker:  " + system.mqttUrl() + "   (mosquitto_sub -p " + mqtt + " -t 'ww/v1/alerts/#')");
        out.println("Dashboard:    http://127.0.0.1:" + port + "/   (paste a token from the tokens file; figures: /figures.html)");
        out.println("HTTP API:     http://127.0.0.1:" + port + "/api/v1/health   (alerts: GET /api/v1/alerts with a token; "
                + "described at /api/docs)");
        out.println("Tokens:       " + system.tokensFile());
        system.coordinator().fleet().onEvent(line -> out.println("          " + line));
        system.coordinator().sweeps().onTransition(t -> {
            if (!t.subject().startsWith("site ")) {
                out.println("          " + t.subject() + (t.from() == null ? "" : " " + t.from() + " ->") + " " + t.to()
                        + (t.reason() == null ? "" : ": " + t.reason()));
            }
        });
        system.launchSweep().whenComplete((sweep, e) -> {
            if (e != null) {
                out.println("Sweep not launched: " + e.getMessage());
            } else {
                printSweep(out, sweep);
            }
        });

        if (exitAfterS != null) {
            stop.await(exitAfterS, TimeUnit.SECONDS);
            out.println("Shutting down after " + exitAfterS + " s.");
            shutdown.run();
            Runtime.getRuntime().removeShutdownHook(hook);
        } else {
            stop.await();
        }
        return ExitCodes.OK;
    }

    private static void printSweep(PrintWriter out, JsonNode sweep) {
        JsonNode counts = sweep.path("counts");
        out.printf("Sweep:        %s launched through POST /api/v1/sweeps: %d sites for %s%n", sweep.path("sweepId").asText(),
                counts.path("sites").asInt(), sweep.path("droneIds"));
        for (JsonNode site : sweep.path("sites")) {
            if ("skipped".equals(site.path("state").asText())) {
                out.println("              left out: " + site.path("siteId").asText() + " (" + site.path("reason").asText() + ")");
            }
        }
    }

    /** What a relief centre reports of the night: how fast people were reached, and how. */
    private static void printNight(PrintWriter out, DemoSystem system, Instant started) {
        try {
            Instant now = system.coordinator().clock().instant();
            TimeToHelp.Figures night = system.coordinator().timeToHelp(started, now.plusSeconds(1));
            out.printf("The night so far (%s to %s, simulated): %d alerts, %d escalated%n",
                    started.truncatedTo(ChronoUnit.SECONDS), now.truncatedTo(ChronoUnit.SECONDS), night.alerts(),
                    night.escalated());
            out.println("  time from the first detection to: " + TimeToHelpJson.line("acknowledged", night.all().acknowledged()));
            out.println("                                    " + TimeToHelpJson.line("team on site", night.all().onSite()));
            out.println("                                    " + TimeToHelpJson.line("resolved", night.all().resolved()));
            out.println("  people helped: " + (night.peopleHelped().isEmpty() ? "none yet" : night.peopleHelped().entrySet()
                    .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        } catch (SQLException | RuntimeException e) {
            out.println("The night's figures are unavailable: " + e.getMessage());
        }
        out.flush();
    }
}
