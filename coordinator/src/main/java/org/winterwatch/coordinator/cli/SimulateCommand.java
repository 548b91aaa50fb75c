package org.winterwatch.coordinator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.winterwatch.coordinator.mqtt.BrokerLogin;
import org.winterwatch.coordinator.mqtt.MqttSecurity;
import org.winterwatch.geo.LatLon;
import org.winterwatch.missions.fleet.Fleet;
import org.winterwatch.simulator.Scenario;
import org.winterwatch.simulator.SimClock;
import org.winterwatch.simulator.Simulator;
import org.winterwatch.simulator.SimulatorConfig;
import org.winterwatch.simulator.teams.GroundTeams;
import org.winterwatch.simulator.teams.TeamSpec;
import org.winterwatch.simulator.world.Autopilot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winterwatch simulate}: only the simulator, serving MAVSDK gRPC per drone (CONTRACT §1). */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        // the first line stands alone: the top-level --help lists each command with it
        description = {"Runs simulated drones, people in the cold and fixed sensors; detections go out over MQTT.",
                "Drone i serves the MAVSDK gRPC API on port base+i, as mavsdk_server does; its thermal camera's onboard",
                "detector, and the scenario's fixed sensors, publish detections. Scenario format: docs/scenario-format.md."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    Verbosity verbosity;

    @Option(names = "--drones", defaultValue = "4", description = "Number of drones, 1.." + SimulatorConfig.MAX_DRONES + " (default: ${DEFAULT-VALUE}).")
    int drones;
    @Option(names = "--grpc-base-port", defaultValue = "50051", description = "Drone i serves MAVSDK gRPC on P+i, i from 0 (default: ${DEFAULT-VALUE}).")
    int grpcBasePort;
    @Option(names = "--mqtt-url", description = "Broker the onboard detectors and fixed sensors publish to, e.g. tcp://127.0.0.1:1883 "
            + "or mqtts://broker:8883 (absent: no publishing). All of them log in alike: --mqtt-user and the password.")
    String mqttUrl;
    @Mixin
    MqttSecurityOptions mqttSecurity;
    @Option(names = "--scenario", description = "Scenario JSON (docs/scenario-format.md). Default: the bundled demo scenario.")
    Path scenario;
    @Option(names = "--speedup", defaultValue = "1", description = "Simulated seconds per real second (default: ${DEFAULT-VALUE}).")
    double speedup;
    @Option(names = "--home", description = "LAT,LON of the launch point (default: the demo launch point on the Yuhe west bank).")
    String home;
    @Option(names = "--seed", description = "Random seed (default: the scenario's, else 42). The same seed and commands give the same run.")
    Long seed;
    @Option(names = "--autopilot", description = "px4 or ardupilot: how the drones behave behind MAVSDK (default: the scenario's, else px4).")
    String autopilot;
    @Option(names = "--fleet", description = "Fleet file (as serve's and plan's): one drone per fleet drone, with its id, standing "
            + "at its base; drone i (in the file's order) on --grpc-base-port + i. Replaces --drones and --home.")
    Path fleet;
    @Option(names = "--no-teams", description = "Leave the scenario's simulated ground teams out: only real teams answer alerts.")
    boolean noTeams;

    @Option(names = "--exit-after", description = "Run this many real seconds, then stop cleanly (default: until Ctrl-C).")
    Double exitAfterS;

    /** Each drone of the fleet file at its base; {@code --drones} and {@code --home} describe another fleet. */
    private List<SimulatorConfig.DroneBase> bases() {
        List<String> clash = java.util.stream.Stream.of("--drones", "--home")
                .filter(o -> spec.commandLine().getParseResult().hasMatchedOption(o)).toList();
        if (!clash.isEmpty()) {
            throw new UsageError("--fleet places the drones: leave out " + String.join(", ", clash));
        }
        Fleet read = FleetConfig.read(fleet, "--fleet");
        return read.drones().stream().map(d -> new SimulatorConfig.DroneBase(d.id(), read.base(d.baseId()).position()))
                .toList();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Scenario world;
        try {
            world = scenario == null ? Scenario.demo() : Scenario.read(scenario);
        } catch (java.io.IOException e) {
            throw new UsageError("--scenario " + scenario + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageError("--scenario " + e.getMessage());
        }
        String brokerUrl = MqttSecurity.pahoUrl(mqttUrl);
        MqttSecurity login = mqttSecurity.resolve(Settings.load(null, System.getenv()), brokerUrl);
        SimulatorConfig config;
        try {
            LatLon launch = home == null ? SimulatorConfig.DEMO_HOME : LatLon.parse(home);
            config = new SimulatorConfig(drones, grpcBasePort, launch, speedup, brokerUrl,
                    SimulatorConfig.DEFAULT_TOPIC_PREFIX, world.people(), world.ambientTempC(), 42L, 10)
                    .withScenario(world);
            if (seed != null) {
                config = config.withSeed(seed);
            }
            if (autopilot != null) {
                config = config.withWorld(config.world().withAutopilot(Autopilot.parse(autopilot)));
            }
            if (fleet != null) {
                config = config.withBases(bases());
            }
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        if (exitAfterS != null && !(exitAfterS > 0)) {
            throw new UsageError("--exit-after must be a positive number of seconds, was " + exitAfterS);
        }
        // detections are stamped with the wall clock when published, so a coordinator on the wall clock
        // (serve) accepts them at any speedup; simulated time travels in their simulatedAt field
        if (brokerUrl != null) {
            BrokerLogin.refusal(brokerUrl, login).ifPresent(refused -> {
                throw new IllegalStateException(refused.explain(brokerUrl, login.user()));
            });
        }
        Clock wall = Clock.systemUTC();
        SimClock clock = SimClock.startingAt(wall.instant(), speedup);
        Instant t0 = clock.now();
        Simulator simulator = Simulator.start(config, clock, wall, login::applyTo);
        List<TeamSpec> teams = noTeams || brokerUrl == null ? List.of() : world.teams();
        GroundTeams ground = GroundTeams.start(world.withTeams(teams), config.seed(), clock, t0, brokerUrl,
                SimulatorConfig.DEFAULT_TOPIC_PREFIX, login::applyTo);
        int shown = Math.min(simulator.droneCount(), 8);
        for (int i = 0; i < shown; i++) {
            out.println(simulator.droneId(i) + ": MAVSDK gRPC on 127.0.0.1:" + simulator.grpcPort(i) + (fleet == null ? ""
                    : String.format(java.util.Locale.ROOT, ", at its base %.6f, %.6f", config.homeOf(i).lat(),
                    config.homeOf(i).lon())));
        }
        if (shown < simulator.droneCount()) {
            out.println("... " + simulator.droneId(simulator.droneCount() - 1) + ": MAVSDK gRPC on 127.0.0.1:"
                    + simulator.grpcPort(simulator.droneCount() - 1));
        }
        out.println("Autopilot " + config.world().autopilot().name().toLowerCase() + ", seed " + config.seed() + ", speedup "
                + speedup + ", " + config.world().sensors().size() + " fixed sensors, " + config.world().failures().size()
                + " scheduled failures.");
        out.println("Detections go to " + (mqttUrl == null ? "nowhere (no --mqtt-url)" : mqttUrl) + ". Ctrl-C stops.");
        if (!teams.isEmpty()) {
            out.println("Simulated ground teams answer alerts on " + SimulatorConfig.DEFAULT_TOPIC_PREFIX + "/alerts/{team}: "
                    + teams.stream().map(t -> t.id() + " (" + t.vehicles() + (t.vehicles() == 1 ? " crew)" : " crews)"))
                    .collect(java.util.stream.Collectors.joining(", ")) + "; --no-teams leaves them out.");
        }
        out.flush();
        // teams first: their phones leave the broker before the drones they might be waiting on stop
        Runnable stopAll = () -> {
            ground.close();
            simulator.close();
        };
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopAll.run();
            stop.countDown();
        }, "ww-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (exitAfterS == null) {
            stop.await();
        } else if (!stop.await(Math.round(exitAfterS * 1000), TimeUnit.MILLISECONDS)) {
            Runtime.getRuntime().removeShutdownHook(hook);
            stopAll.run();
        }
        return ExitCodes.OK;
    }
}
