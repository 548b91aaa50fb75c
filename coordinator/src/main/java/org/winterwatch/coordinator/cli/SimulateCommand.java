package org.winterwatch.coordinator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.Scenario;
import org.winterwatch.simulator.SimClock;
import org.winterwatch.simulator.Simulator;
import org.winterwatch.simulator.SimulatorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winterwatch simulate}: only the simulator, serving MAVSDK gRPC per drone (CONTRACT §1). */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Runs simulated drones that serve the MAVSDK gRPC API (drone i on port base+i), with",
                "thermal cameras whose onboard detectors publish detections over MQTT."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    Verbosity verbosity;

    @Option(names = "--drones", defaultValue = "4", description = "Number of drones (default: ${DEFAULT-VALUE}).")
    int drones;
    @Option(names = "--grpc-base-port", defaultValue = "50051", description = "Drone i serves MAVSDK gRPC on P+i (default: ${DEFAULT-VALUE}).")
    int grpcBasePort;
    @Option(names = "--mqtt-url", description = "Broker the onboard detectors publish to, e.g. tcp://127.0.0.1:1883 (absent: no publishing).")
    String mqttUrl;
    @Option(names = "--scenario", description = "Scenario JSON (ambient temperature, people). Default: the bundled demo scenario.")
    Path scenario;
    @Option(names = "--speedup", defaultValue = "1", description = "Simulated seconds per real second (default: ${DEFAULT-VALUE}).")
    double speedup;
    @Option(names = "--home", description = "LAT,LON of the launch point (default: the demo launch point on the Yuhe west bank).")
    String home;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Scenario world;
        try {
            world = scenario == null ? Scenario.demo() : Scenario.read(scenario);
        } catch (java.io.IOException e) {
            throw new UsageError("--scenario " + scenario + ": " + e.getMessage());
        }
        LatLon launch = home == null ? SimulatorConfig.DEMO_HOME : LatLon.parse(home);
        SimulatorConfig config = new SimulatorConfig(drones, grpcBasePort, launch, speedup, mqttUrl,
                SimulatorConfig.DEFAULT_TOPIC_PREFIX, world.people(), world.ambientTempC(), 42L, 10);
        Simulator simulator = Simulator.start(config, SimClock.startingAt(Instant.now(), speedup));
        for (int i = 0; i < simulator.droneCount(); i++) {
            out.println(simulator.droneId(i) + ": MAVSDK gRPC on 127.0.0.1:" + simulator.grpcPort(i));
        }
        out.println("Detections go to " + (mqttUrl == null ? "nowhere (no --mqtt-url)" : mqttUrl) + ". Ctrl-C stops.");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stop.countDown();
        }, "ww-shutdown"));
        stop.await();
        return ExitCodes.OK;
    }
}
