package org.winterwatch.simulator;

import java.util.List;
import java.util.Objects;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.world.World;

/**
 * What to simulate: how many drones, where they serve MAVSDK gRPC, where they launch, where the
 * onboard detectors publish, and who is out in the cold.
 *
 * @param grpcBasePort drone i serves on base + i; 0 = an ephemeral port per drone
 * @param speedup simulated seconds per real second (used by {@link #clock(java.time.Instant)})
 * @param mqttUrl {@code tcp://host:port}; null = detections go only to {@link Simulator#onDetection} listeners
 * @param topicPrefix MQTT topic prefix, {@code ww/v1} by default
 * @param world wind, fixed sensors, false-positive sources, failures and autopilot ({@link World#CALM} by default)
 */
public record SimulatorConfig(int drones, int grpcBasePort, LatLon home, double speedup, String mqttUrl,
                              String topicPrefix, List<SimPerson> people, double ambientTempC, long seed,
                              double cruiseSpeedMps, World world, List<DroneBase> bases) {

    /** Where one drone stands and what it is called, as a fleet file has it; {@code drones} are these, in order. */
    public record DroneBase(String droneId, LatLon home) {
        public DroneBase {
            if (droneId == null || !droneId.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw new IllegalArgumentException("drone id must be 1-64 letters, digits, '.', '_' or '-', was '"
                        + droneId + "'");
            }
            Objects.requireNonNull(home, "home");
        }
    }

    /** The most drones one simulator process serves. */
    public static final int MAX_DRONES = 1000;

    public static final String DEFAULT_TOPIC_PREFIX = "ww/v1";
    public static final int DEFAULT_GRPC_BASE_PORT = 50051;

    /** A launch point on the west bank of the Yuhe, inside the demo layer's area. */
    public static final LatLon DEMO_HOME = new LatLon(40.0905, 113.3345);

    public SimulatorConfig {
        if (drones < 1 || drones > MAX_DRONES) {
            throw new IllegalArgumentException("drones must be within 1.." + MAX_DRONES + ", was " + drones);
        }
        if (grpcBasePort < 0 || grpcBasePort + drones - 1 > 65535 || (grpcBasePort > 0 && grpcBasePort < 1024)) {
            throw new IllegalArgumentException("grpcBasePort must be 0 (ephemeral) or within 1024..65535 for all "
                    + drones + " drones, was " + grpcBasePort);
        }
        Objects.requireNonNull(home, "home");
        if (!Double.isFinite(speedup) || speedup <= 0 || speedup > 10_000) {
            throw new IllegalArgumentException("speedup must be within (0, 10000], was " + speedup);
        }
        if (mqttUrl != null && mqttUrl.isBlank()) {
            mqttUrl = null;
        }
        if (mqttUrl != null && !mqttUrl.matches("(tcp|ssl|ws|wss)://.+")) {
            throw new IllegalArgumentException("mqttUrl must look like tcp://host:port, was '" + mqttUrl + "'");
        }
        if (topicPrefix == null || topicPrefix.isBlank()) {
            topicPrefix = DEFAULT_TOPIC_PREFIX;
        }
        if (topicPrefix.contains("+") || topicPrefix.contains("#") || topicPrefix.endsWith("/")) {
            throw new IllegalArgumentException("topicPrefix must not contain + or # or end with /, was '" + topicPrefix + "'");
        }
        people = List.copyOf(Objects.requireNonNull(people, "people"));
        if (!Double.isFinite(ambientTempC) || ambientTempC < -60 || ambientTempC > 50) {
            throw new IllegalArgumentException("ambientTempC must be within -60..50, was " + ambientTempC);
        }
        if (!Double.isFinite(cruiseSpeedMps) || cruiseSpeedMps <= 0 || cruiseSpeedMps > 30) {
            throw new IllegalArgumentException("cruiseSpeedMps must be within (0, 30], was " + cruiseSpeedMps);
        }
        Objects.requireNonNull(world, "world");
        bases = List.copyOf(Objects.requireNonNull(bases, "bases"));
        if (!bases.isEmpty() && bases.size() != drones) {
            throw new IllegalArgumentException("drones (" + drones + ") must match the drones placed at bases ("
                    + bases.size() + ")");
        }
        if (bases.stream().map(DroneBase::droneId).distinct().count() != bases.size()) {
            throw new IllegalArgumentException("each drone placed at a base needs an id of its own");
        }
    }

    /** Drones {@code drone-1} … {@code drone-N}, all at {@code home}. */
    public SimulatorConfig(int drones, int grpcBasePort, LatLon home, double speedup, String mqttUrl,
                           String topicPrefix, List<SimPerson> people, double ambientTempC, long seed,
                           double cruiseSpeedMps, World world) {
        this(drones, grpcBasePort, home, speedup, mqttUrl, topicPrefix, people, ambientTempC, seed, cruiseSpeedMps,
                world, List.of());
    }

    /** The drones, named and placed each at its own base (a fleet file's); {@code drones} becomes their number. */
    public SimulatorConfig withBases(List<DroneBase> newBases) {
        return new SimulatorConfig(newBases.isEmpty() ? drones : newBases.size(), grpcBasePort, home, speedup, mqttUrl,
                topicPrefix, people, ambientTempC, seed, cruiseSpeedMps, world, newBases);
    }

    /** Where drone {@code i} (from 0) stands at the start. */
    public LatLon homeOf(int i) {
        return bases.isEmpty() ? home : bases.get(i).home();
    }

    /** Drone {@code i}'s id (from 0): its base entry's, else {@code drone-(i+1)}. */
    public String droneIdOf(int i) {
        return bases.isEmpty() ? "drone-" + (i + 1) : bases.get(i).droneId();
    }

    /** A config in still air, without fixed sensors or failures, with PX4-like drones. */
    public SimulatorConfig(int drones, int grpcBasePort, LatLon home, double speedup, String mqttUrl,
                           String topicPrefix, List<SimPerson> people, double ambientTempC, long seed,
                           double cruiseSpeedMps) {
        this(drones, grpcBasePort, home, speedup, mqttUrl, topicPrefix, people, ambientTempC, seed, cruiseSpeedMps,
                World.CALM);
    }

    /** The bundled demo: 4 drones on 50051.., launch on the Yuhe west bank, speedup 20, demo people. */
    public static SimulatorConfig demo(String mqttUrl) {
        Scenario scenario = Scenario.demo();
        return new SimulatorConfig(4, DEFAULT_GRPC_BASE_PORT, DEMO_HOME, 20, mqttUrl, DEFAULT_TOPIC_PREFIX,
                scenario.people(), scenario.ambientTempC(), 42L, 10, scenario.world(), List.of());
    }

    /** A real-time clock starting at {@code t0} with this config's speedup. */
    public SimClock clock(java.time.Instant t0) {
        return SimClock.startingAt(t0, speedup);
    }

    public SimulatorConfig withGrpcBasePort(int port) {
        return new SimulatorConfig(drones, port, home, speedup, mqttUrl, topicPrefix, people, ambientTempC, seed, cruiseSpeedMps, world, bases);
    }

    public SimulatorConfig withMqttUrl(String url) {
        return new SimulatorConfig(drones, grpcBasePort, home, speedup, url, topicPrefix, people, ambientTempC, seed, cruiseSpeedMps, world, bases);
    }

    public SimulatorConfig withPeople(List<SimPerson> newPeople) {
        return new SimulatorConfig(drones, grpcBasePort, home, speedup, mqttUrl, topicPrefix, newPeople, ambientTempC, seed, cruiseSpeedMps, world, bases);
    }

    /** Takes the scenario's people, ambient temperature, world and (when it has one) seed. */
    public SimulatorConfig withScenario(Scenario scenario) {
        return new SimulatorConfig(drones, grpcBasePort, home, speedup, mqttUrl, topicPrefix, scenario.people(),
                scenario.ambientTempC(), scenario.seed() == null ? seed : scenario.seed(), cruiseSpeedMps, scenario.world(), bases);
    }

    public SimulatorConfig withWorld(World newWorld) {
        return new SimulatorConfig(drones, grpcBasePort, home, speedup, mqttUrl, topicPrefix, people, ambientTempC, seed, cruiseSpeedMps, newWorld, bases);
    }

    public SimulatorConfig withSpeedup(double newSpeedup) {
        return new SimulatorConfig(drones, grpcBasePort, home, newSpeedup, mqttUrl, topicPrefix, people, ambientTempC, seed, cruiseSpeedMps, world, bases);
    }

    public SimulatorConfig withSeed(long newSeed) {
        return new SimulatorConfig(drones, grpcBasePort, home, speedup, mqttUrl, topicPrefix, people, ambientTempC, newSeed, cruiseSpeedMps, world, bases);
    }

    public SimulatorConfig withHome(LatLon newHome) {
        return new SimulatorConfig(drones, grpcBasePort, newHome, speedup, mqttUrl, topicPrefix, people, ambientTempC, seed, cruiseSpeedMps, world, bases);
    }

    public SimulatorConfig withDrones(int count) {
        return new SimulatorConfig(count, grpcBasePort, home, speedup, mqttUrl, topicPrefix, people, ambientTempC, seed, cruiseSpeedMps, world, List.of());
    }
}
