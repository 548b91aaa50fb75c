package org.winterwatch.coordinator.app;

import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.AlertPipeline;
import org.winterwatch.alerts.AlertReads;
import org.winterwatch.alerts.Publisher;
import org.winterwatch.alerts.Topics;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.Weather;
import org.winterwatch.alerts.clocks.SourceClocks;
import org.winterwatch.alerts.pipeline.Work;
import org.winterwatch.alerts.store.AlertStore;
import org.winterwatch.coordinator.fleet.DroneLinks;
import org.winterwatch.coordinator.fleet.FleetSupervisor;
import org.winterwatch.coordinator.mqtt.BridgePublisher;
import org.winterwatch.coordinator.mqtt.LoginRefusal;
import org.winterwatch.coordinator.mqtt.MqttBridge;
import org.winterwatch.coordinator.patrol.PatrolBook;
import org.winterwatch.coordinator.patrol.PatrolFactsSource;
import org.winterwatch.coordinator.patrol.PatrolScheduler;
import org.winterwatch.coordinator.store.AuditLog;
import org.winterwatch.coordinator.sweep.DroneStatePublisher;
import org.winterwatch.coordinator.sweep.SweepRunner;
import org.winterwatch.coordinator.tak.TakBridge;
import org.winterwatch.missions.sweep.SweepRepository;

/**
 * What runs only on the active coordinator: the alert book and its one writer, the MQTT connection and the outbox
 * relay, the drone fleet, tip inspections, sweeps, drone state and TAK. Started in that order as one
 * {@link Lifecycle}, and stopped in reverse when the process stops or loses leadership.
 */
final class ActiveParts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveParts.class);

    /** What the application asked for beyond the settings; applied at every activation. */
    record Extras(List<Consumer<Alert>> alertListeners, List<String> takUrls) {
    }

    private final Lifecycle lifecycle;
    final AlertPipeline pipeline;
    final MqttBridge bridge;
    final FleetSupervisor fleet;
    final SweepRunner sweeps;
    /** Null when patrols are off or there is no drone to fly them. */
    final PatrolScheduler patrol;

    private ActiveParts(Lifecycle lifecycle, AlertPipeline pipeline, MqttBridge bridge, FleetSupervisor fleet,
                        SweepRunner sweeps, PatrolScheduler patrol) {
        this.lifecycle = lifecycle;
        this.pipeline = pipeline;
        this.bridge = bridge;
        this.fleet = fleet;
        this.sweeps = sweeps;
        this.patrol = patrol;
    }

    static ActiveParts start(CoordinatorSettings s, AlertStore store, SweepRepository sweepStore, Weather weather,
                             AuditLog audit, SourceClocks sourceClocks, CoordinatorMeters meters, Extras extras)
            throws StartupException {
        Lifecycle parts = new Lifecycle("active");
        Clock clock = s.clock();
        Topics topics = new Topics(s.topicPrefix());
        MqttBridge bridge = parts.start("mqtt", () -> {
            try {
                return new MqttBridge(s.mqttUrl(), s.clientId(), s.mqttSecurity(), topics, clock);
            } catch (MqttException | IllegalArgumentException e) {
                throw new StartupException("mqtt-url '" + s.mqttUrl() + "' is not usable: " + e.getMessage(), e);
            }
        });
        AlertPipeline pipeline = parts.start("alert pipeline", () -> startPipeline(s, topics, store, weather,
                sourceClocks, new BridgePublisher(bridge)));
        extras.alertListeners().forEach(pipeline::onAlert);
        pipeline.onDeadLetter(meters::deadLettered);
        bridge.handle(inboundHandlers(topics, pipeline, meters), meters.inbound(Work.Route.UNROUTED, pipeline::accept));
        parts.start("mqtt connection", () -> {
            connect(s, bridge);
            return bridge;
        }, b -> { });
        parts.start("status heartbeat", () -> new StatusHeartbeat(bridge, clock));
        FleetSupervisor fleet = parts.start("drone fleet",
                () -> new FleetSupervisor(DroneLinks.open(s.drones(), clock), s.sites(), s.inspection()));
        if (s.inspection().enabled()) {
            TipInspections inspections = parts.start("tip inspections",
                    () -> new TipInspections(fleet, pipeline, clock, audit));
            pipeline.onTip(inspections::onTip);
        }
        SweepRunner sweeps = parts.start("sweeps", () -> startSweeps(s, sweepStore, fleet, weather));
        parts.start("drone state", () -> new DroneStatePublisher(fleet, sweeps, bridge, Timers.single("ww-drone-state")));
        PatrolScheduler patrol = s.patrol().enabled() && !s.drones().isEmpty()
                ? parts.start("patrol scheduler", () -> new PatrolScheduler(new PatrolBook(s.patrol(), s.sites().sites()),
                        PatrolFactsSource.of(sweepStore, new AlertReads(store), s.patrol()),
                        () -> weather.coldWave(s.policy()), sweeps, clock, Timers.single("ww-patrol")).start())
                : null;
        ActiveParts active = new ActiveParts(parts, pipeline, bridge, fleet, sweeps, patrol);
        for (String takUrl : extras.takUrls()) {
            active.addTak(takUrl, clock);
        }
        LOG.info("coordinator active mqtt={} drones={}", s.mqttUrl(), s.drones().size());
        return active;
    }

    private static AlertPipeline startPipeline(CoordinatorSettings s, Topics topics, AlertStore store, Weather weather,
                                               SourceClocks sourceClocks, Publisher publisher) throws StartupException {
        AlertPipeline.Settings settings = new AlertPipeline.Settings(topics, s.sites(), s.policy(), s.teams(),
                s.detectionMaxAge(), s.maxClockSkew());
        try {
            return AlertPipeline.start(settings, store, weather, sourceClocks, publisher, s.clock());
        } catch (SQLException e) {
            throw new StartupException("database: could not read alerts or the weather: " + e.getMessage(), e);
        }
    }

    private static SweepRunner startSweeps(CoordinatorSettings s, SweepRepository store, FleetSupervisor fleet,
                                           Weather weather) throws StartupException {
        try {
            // sorties are planned on what the batteries give in the weather in force (PUT /api/v1/weather)
            return new SweepRunner(store, fleet, s.sites(), s.sweeps(), weather::ambientTempC, s.clock(),
                    Timers.single("ww-sweeps"), Timers.single("ww-sweep-solver")).start();
        } catch (SQLException e) {
            throw new StartupException("database: could not read the open sweeps: " + e.getMessage(), e);
        }
    }

    /**
     * Detections, tips and acks go to the pipeline, which tells them apart by topic (and dead-letters the rest);
     * each is counted, and detections and tips timed, on the way.
     */
    private static Map<String, MqttBridge.InboundHandler> inboundHandlers(Topics topics, AlertPipeline pipeline,
                                                                          CoordinatorMeters meters) {
        Map<String, MqttBridge.InboundHandler> handlers = new LinkedHashMap<>();
        handlers.put(topics.detections(), meters.inbound(Work.Route.DETECTION, pipeline::accept));
        handlers.put(topics.tips(), meters.inbound(Work.Route.TIP, pipeline::accept));
        handlers.put(topics.acks(), meters.inbound(Work.Route.ACK, pipeline::accept));
        return handlers;
    }

    private static void connect(CoordinatorSettings s, MqttBridge bridge) throws StartupException {
        try {
            bridge.connect().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while connecting to the MQTT broker", e);
        } catch (ExecutionException | TimeoutException e) {
            Optional<LoginRefusal> refused = LoginRefusal.of(e);
            if (refused.isPresent()) {
                throw new StartupException(refused.get().explain(s.mqttUrl(), s.mqttSecurity().user()), e);
            }
            throw new StartupException("cannot reach the MQTT broker at " + s.mqttUrl() + ": " + Coordinator.rootMessage(e), e);
        }
    }

    /** Sends team alerts as Cursor-on-Target events to one more TAK endpoint, until these parts stop. */
    void addTak(String takUrl, Clock clock) throws StartupException {
        TakBridge tak = lifecycle.start("tak " + takUrl, () -> new TakBridge(takUrl, clock));
        pipeline.onAlert(tak::offer);
    }

    @Override
    public void close() {
        lifecycle.close();
    }
}
