package org.winterwatch.simulator;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.simulator.detection.Detection;
import org.winterwatch.simulator.detection.DetectionJson;
import org.winterwatch.simulator.detection.FixedSensor;
import org.winterwatch.simulator.world.Failure;
import org.winterwatch.simulator.world.FailureKind;
import org.winterwatch.simulator.world.FixedSensorSpec;
import org.winterwatch.simulator.world.World;
import org.winterwatch.simulator.detection.MqttDetectionPublisher;
import org.winterwatch.simulator.detection.OnboardDetector;
import org.winterwatch.simulator.flight.SimDrone;
import org.winterwatch.simulator.grpc.DroneEndpoint;

/**
 * The simulator facade: simulated drones serving the MAVSDK gRPC API, flying in simulated time,
 * with thermal cameras whose onboard detectors publish detections over MQTT, fixed sensors at sites, and
 * the scenario's failures injected at their times.
 *
 * <p>With a real-time {@link SimClock} the world advances by itself in ticks of
 * {@link SimClock#TICK}; with a manual clock it moves only on {@link #step(Duration)} (or
 * {@link SimClock#advance(Duration)}). Telemetry streams are refreshed every 100 ms of real time.
 *
 * <p>Published detections carry two times: {@code observedAt}, read from the publishing clock when the detection is
 * published (the wall clock unless told otherwise), and {@code simulatedAt}, the simulated instant it was seen. A
 * coordinator on the wall clock thus accepts them at any speedup; one that shares the simulated clock (the demo)
 * passes that clock as the publishing clock.
 */
public final class Simulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    /** The world never steps more than this much simulated time at once (keeps failsafes and detections timely). */
    static final Duration MAX_WORLD_STEP = Duration.ofSeconds(1);
    private static final long TELEMETRY_PERIOD_MS = 100;

    private final SimulatorConfig config;
    private final SimClock clock;
    private final Clock publishingClock;
    private final List<DroneEndpoint> endpoints = new ArrayList<>();
    private final List<OnboardDetector> detectors = new ArrayList<>();
    private final Consumer<MqttConnectionOptions> mqttLogin;
    private final List<MqttDetectionPublisher> publishers = new ArrayList<>();
    private final List<FixedSensor> sensors = new ArrayList<>();
    private final List<MqttDetectionPublisher> sensorPublishers = new ArrayList<>();
    /** Failure starts and ends still to come, in time order; touched only by the world loop (under the clock's lock). */
    private final FailureSchedule failures = new FailureSchedule();
    private final java.util.Map<String, Integer> indexById = new java.util.HashMap<>();
    private Instant startedAt;
    private final List<Consumer<String>> detectionListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Runnable clockSubscription = () -> { };

    private Simulator(SimulatorConfig config, SimClock clock, Clock publishingClock,
                      Consumer<MqttConnectionOptions> mqttLogin) {
        this.config = config;
        this.mqttLogin = mqttLogin;
        this.clock = clock;
        this.publishingClock = publishingClock;
        this.scheduler = Executors.newScheduledThreadPool(2,
                new ThreadFactoryBuilder().setNameFormat("ww-sim-%d").setDaemon(true).build());
    }

    /**
     * Starts one gRPC server per drone (port base+i, or ephemeral when the base is 0), the world loop
     * (for a real-time clock) and, when {@code config.mqttUrl()} is set, one MQTT publisher per drone.
     *
     * @throws IllegalStateException when a server cannot bind its port (the message names drone and port)
     */
    public static Simulator start(SimulatorConfig config, SimClock clock) {
        return start(config, clock, Clock.systemUTC());
    }

    /**
     * As {@link #start(SimulatorConfig, SimClock)}, with detections stamped ({@code observedAt}) by
     * {@code publishingClock}: the clock of whoever receives them.
     */
    public static Simulator start(SimulatorConfig config, SimClock clock, Clock publishingClock) {
        return start(config, clock, publishingClock, options -> { });
    }

    /**
     * As {@link #start(SimulatorConfig, SimClock, Clock)}, with every MQTT client of the simulator (drones' detectors
     * and fixed sensors) logging in as {@code mqttLogin} sets in its connect options: user name, password, TLS.
     */
    public static Simulator start(SimulatorConfig config, SimClock clock, Clock publishingClock,
                                  Consumer<MqttConnectionOptions> mqttLogin) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(publishingClock, "publishingClock");
        Simulator simulator = new Simulator(config, clock, publishingClock, Objects.requireNonNull(mqttLogin, "mqttLogin"));
        try {
            simulator.startDrones();
            simulator.startLoops();
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
        LOG.info("simulator started drones={} ports={} mqtt={} speedup={}", config.drones(), simulator.ports(),
                config.mqttUrl() == null ? "off" : config.mqttUrl(), clock.isManual() ? "manual" : clock.speedup());
        return simulator;
    }

    private void startDrones() {
        Instant t0 = clock.now();
        startedAt = t0;
        World world = config.world();
        double speedFactor = clock.isManual() ? 1 : clock.speedup();
        for (int i = 0; i < config.drones(); i++) {
            String droneId = droneId(i);
            indexById.put(droneId, i);
            SimDrone drone = new SimDrone(droneId, config.homeOf(i), config.cruiseSpeedMps(), t0, world.wind(), config.ambientTempC());
            int port = config.grpcBasePort() == 0 ? 0 : config.grpcBasePort() + i;
            try {
                endpoints.add(DroneEndpoint.start(drone, port, world.autopilot(), speedFactor));
            } catch (IOException e) {
                throw new IllegalStateException("cannot serve MAVSDK gRPC for " + droneId + " on port " + port
                        + ": " + rootMessage(e), e);
            }
            detectors.add(new OnboardDetector(droneId, config.people(), world.decoys(), config.ambientTempC(),
                    config.seed() * 31 + i, t0));
            if (config.mqttUrl() != null) {
                publishers.add(publisher(droneId));
            }
        }
        for (int k = 0; k < world.sensors().size(); k++) {
            FixedSensorSpec spec = world.sensors().get(k);
            sensors.add(new FixedSensor(spec, config.people(), config.ambientTempC(), config.seed() * 977 + k, t0));
            if (config.mqttUrl() != null) {
                sensorPublishers.add(publisher(spec.id()));
            }
        }
        for (Failure failure : world.failures()) {
            schedule(failure);
        }
    }

    private void schedule(Failure failure) {
        Integer index = indexById.get(failure.droneId());
        if (index == null) {
            LOG.warn("failure ignored: no drone {} among {} drones kind={}", failure.droneId(), config.drones(), failure.kind());
            return;
        }
        failures.add(failure, index, startedAt);
    }

    private void applyFailuresUpTo(Instant at) {
        failures.applyUpTo(at, i -> endpoints.get(i).drone(), startedAt);
    }

    /**
     * Failure injection: {@code kind} happens to drone {@code droneIndex} now and lasts {@code duration}
     * (ignored for a battery fault, which sets the battery to {@code percent}).
     */
    public void inject(int droneIndex, FailureKind kind, Duration duration, double percent) {
        String id = droneId(droneIndex);
        double atS = Duration.between(startedAt, clock.now()).toMillis() / 1000.0;
        schedule(new Failure(atS, id, kind, duration == null ? Double.POSITIVE_INFINITY : duration.toMillis() / 1000.0, percent));
        if (clock.isManual()) {
            applyFailuresUpTo(clock.now());
        }
    }

    /** Failure injection: {@code kind} happens to drone {@code droneIndex} now and lasts {@code duration}. */
    public void inject(int droneIndex, FailureKind kind, Duration duration) {
        inject(droneIndex, kind, duration, 11);
    }

    /** Simulated time since the simulator started. */
    public Duration elapsed() {
        return Duration.between(startedAt, clock.now());
    }

    /** The fixed sensors' ids, in scenario order. */
    public List<String> sensorIds() {
        return sensors.stream().map(FixedSensor::sensorId).toList();
    }

    /** What drone {@code droneIndex}'s autopilot reports now (for tests and tools). */
    public org.winterwatch.simulator.flight.DroneSnapshot snapshot(int droneIndex) {
        droneId(droneIndex);
        return endpoints.get(droneIndex).drone().snapshot();
    }

    private MqttDetectionPublisher publisher(String droneId) {
        try {
            MqttDetectionPublisher publisher = new MqttDetectionPublisher(config.mqttUrl(), config.topicPrefix(), droneId,
                    scheduler, mqttLogin);
            publisher.start();
            return publisher;
        } catch (MqttException e) {
            throw new IllegalStateException("cannot create MQTT client for " + droneId + " at " + config.mqttUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    private void startLoops() {
        clockSubscription = clock.onAdvance(this::advanceWorld);
        if (!clock.isManual()) {
            long tickMs = SimClock.TICK.toMillis();
            tasks.add(scheduler.scheduleAtFixedRate(this::tick, tickMs, tickMs, TimeUnit.MILLISECONDS));
        }
        tasks.add(scheduler.scheduleAtFixedRate(this::pushTelemetry, 0, TELEMETRY_PERIOD_MS, TimeUnit.MILLISECONDS));
    }

    /** gRPC port of drone {@code droneIndex} (0-based). */
    /** The no-fly polygons drone {@code droneIndex} holds, as uploaded through MAVSDK's Geofence plugin. */
    public List<org.winterwatch.simulator.flight.FencePolygon> geofence(int droneIndex) {
        return endpoints.get(droneIndex).drone().geofence();
    }

    public int grpcPort(int droneIndex) {
        return endpoints.get(droneIndex).port();
    }

    /** "drone-1" for index 0, and so on; with drones placed at bases, the id each was given. */
    public String droneId(int droneIndex) {
        if (droneIndex < 0 || droneIndex >= config.drones()) {
            throw new IndexOutOfBoundsException("drone index " + droneIndex + " of " + config.drones());
        }
        return config.droneIdOf(droneIndex);
    }

    public int droneCount() {
        return config.drones();
    }

    public SimClock clock() {
        return clock;
    }

    public SimulatorConfig config() {
        return config;
    }

    /** True when every drone's detector and fixed sensor is connected to the MQTT broker (always true without MQTT). */
    public boolean mqttConnected() {
        return publishers.stream().allMatch(MqttDetectionPublisher::isConnected)
                && sensorPublishers.stream().allMatch(MqttDetectionPublisher::isConnected);
    }

    /** Advances simulated time by hand (meant for a manual clock); the world follows. */
    public void step(Duration by) {
        clock.advance(by);
    }

    /**
     * Failure injection: sets drone {@code droneIndex}'s battery to {@code percent} (0..100). Below 10 %
     * arming is refused; in the air below 12 % the drone returns home on its own.
     */
    public void injectBatteryPercent(int droneIndex, double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be within 0..100, was " + percent);
        }
        droneId(droneIndex);
        endpoints.get(droneIndex).drone().injectBatteryFraction(percent / 100);
    }

    /** Called with each detection's JSON payload (CONTRACT §4), whether or not MQTT is configured. */
    public void onDetection(Consumer<String> listener) {
        detectionListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void tick() {
        try {
            clock.advance(clock.tickDuration());
        } catch (RuntimeException e) {
            // an exception would cancel the periodic task and freeze the world
            LOG.error("world tick failed", e);
        }
    }

    private void advanceWorld(Instant from, Instant to) {
        Instant at = from;
        while (at.isBefore(to)) {
            Instant next = at.plus(MAX_WORLD_STEP);
            if (next.isAfter(to)) {
                next = to;
            }
            double dtS = Duration.between(at, next).toNanos() / 1e9;
            applyFailuresUpTo(at);
            for (int i = 0; i < endpoints.size(); i++) {
                stepDrone(i, dtS, next);
            }
            for (int k = 0; k < sensors.size(); k++) {
                for (Detection detection : sensors.get(k).look(next)) {
                    deliver(detection, sensorPublishers.isEmpty() ? null : sensorPublishers.get(k));
                }
            }
            at = next;
        }
    }

    private void stepDrone(int i, double dtS, Instant at) {
        SimDrone.Leg leg = endpoints.get(i).drone().step(dtS, at);
        for (Detection detection : detectors.get(i).look(leg, at)) {
            deliver(detection, publishers.isEmpty() ? null : publishers.get(i));
        }
    }

    private void deliver(Detection detection, MqttDetectionPublisher publisher) {
        String json = DetectionJson.write(detection, publishingClock.instant());
        LOG.debug("detection source={} id={} kind={} siteId={}", detection.source(), detection.id(), detection.kind(),
                detection.siteId());
        if (publisher != null) {
            publisher.publish(json);
        }
        for (Consumer<String> listener : detectionListeners) {
            try {
                listener.accept(json);
            } catch (RuntimeException e) {
                LOG.warn("detection listener failed reason={}", e.getMessage());
            }
        }
    }

    private void pushTelemetry() {
        for (DroneEndpoint endpoint : endpoints) {
            try {
                endpoint.pushTelemetry();
            } catch (RuntimeException e) {
                LOG.warn("telemetry push failed droneId={} reason={}", endpoint.drone().droneId(), e.getMessage());
            }
        }
    }

    private List<Integer> ports() {
        return endpoints.stream().map(DroneEndpoint::port).toList();
    }

    /** Stops the world loop, ends the telemetry streams, stops the servers and disconnects from MQTT. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        tasks.forEach(t -> t.cancel(false));
        clockSubscription.run();
        for (DroneEndpoint endpoint : endpoints) {
            endpoint.close();
        }
        for (MqttDetectionPublisher publisher : publishers) {
            publisher.close();
        }
        for (MqttDetectionPublisher publisher : sensorPublishers) {
            publisher.close();
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("simulator stopped");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
