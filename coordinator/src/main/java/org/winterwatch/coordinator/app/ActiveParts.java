package org.winterwatch.coordinator.app;

import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.Topics;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertBook;
import org.winterwatch.alerts.book.Teams;
import org.winterwatch.alerts.book.Weather;
import org.winterwatch.alerts.clocks.SourceClocks;
import org.winterwatch.alerts.pipeline.AlertWorker;
import org.winterwatch.alerts.pipeline.OutboxRelay;
import org.winterwatch.alerts.pipeline.Work;
import org.winterwatch.alerts.store.AlertStore;
import org.winterwatch.alerts.store.WeatherStore;
import org.winterwatch.alerts.wire.DetectionParser;
import org.winterwatch.alerts.wire.TipParser;
import org.winterwatch.coordinator.fleet.DroneLinks;
import org.winterwatch.coordinator.fleet.FleetSupervisor;
import org.winterwatch.coordinator.mqtt.BridgePublisher;
import org.winterwatch.coordinator.mqtt.MqttBridge;
import org.winterwatch.coordinator.store.AuditLog;
import org.winterwatch.coordinator.tak.TakBridge;

/**
 * What runs only on the active coordinator: the alert book and its one writer, the MQTT connection and the outbox
 * relay, the drone fleet, tip inspections and TAK. Started in that order as one
 * {@link Lifecycle}, and stopped in reverse when the process stops or loses leadership.
 */
final class ActiveParts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveParts.class);

    /** What the application asked for beyond the settings; applied at every activation. */
    record Extras(List<Consumer<Alert>> alertListeners, List<String> takUrls) {
    }

    private final Lifecycle lifecycle;
    final AlertWorker worker;
    final MqttBridge bridge;
    final FleetSupervisor fleet;

    private ActiveParts(Lifecycle lifecycle, AlertWorker worker, MqttBridge bridge, FleetSupervisor fleet) {
        this.lifecycle = lifecycle;
        this.worker = worker;
        this.bridge = bridge;
        this.fleet = fleet;
    }

    static ActiveParts start(CoordinatorSettings s, AlertStore store, Weather weather, AuditLog audit,
                             SourceClocks sourceClocks, Extras extras)
            throws StartupException {
        Lifecycle parts = new Lifecycle("active");
        Clock clock = s.clock();
        restoreWeather(s, weather);
        AlertBook book = new AlertBook(s.sites(), s.policy(), new Teams(s.teams(), s.policy()), weather);
        try {
            book.restore(store.alerts(null));
        } catch (SQLException e) {
            throw new StartupException("database: could not read alerts: " + e.getMessage(), e);
        }
        Topics topics = new Topics(s.topicPrefix());
        OutboxRelay[] relayRef = new OutboxRelay[1];
        AlertWorker worker = parts.start("alert worker", () -> new AlertWorker(book, store,
                new DetectionParser(clock, s.detectionMaxAge(), s.maxClockSkew(), sourceClocks),
                new TipParser(clock, s.detectionMaxAge(), s.maxClockSkew()), clock,
                topics, committed -> relayRef[0].offer(committed)).start());
        extras.alertListeners().forEach(worker::onAlert);
        Map<String, MqttBridge.InboundHandler> handlers = new LinkedHashMap<>();
        handlers.put(topics.detections(), (topic, payload, ack) -> worker.accept(topic, payload, Work.Route.DETECTION, ack));
        handlers.put(topics.tips(), (topic, payload, ack) -> worker.accept(topic, payload, Work.Route.TIP, ack));
        handlers.put(topics.acks(), (topic, payload, ack) -> worker.accept(topic, payload, Work.Route.ACK, ack));
        MqttBridge bridge = parts.start("mqtt", () -> {
            try {
                return new MqttBridge(s.mqttUrl(), s.clientId(), topics, clock, handlers,
                        (topic, payload, ack) -> worker.accept(topic, payload, Work.Route.UNROUTED, ack));
            } catch (MqttException | IllegalArgumentException e) {
                throw new StartupException("mqtt-url '" + s.mqttUrl() + "' is not usable: " + e.getMessage(), e);
            }
        });
        relayRef[0] = parts.start("outbox relay", () -> new OutboxRelay(store, new BridgePublisher(bridge), topics, clock).start());
        parts.start("mqtt connection", () -> {
            connect(s, bridge);
            return bridge;
        }, b -> { });
        parts.start("status heartbeat", () -> new StatusHeartbeat(bridge, clock));
        FleetSupervisor fleet = parts.start("drone fleet",
                () -> new FleetSupervisor(DroneLinks.open(s.drones(), clock), s.sites(), s.inspection()));
        if (s.inspection().enabled()) {
            TipInspections inspections = parts.start("tip inspections", () -> new TipInspections(fleet, worker, clock, audit));
            worker.onTip(inspections::onTip);
        }
        ActiveParts active = new ActiveParts(parts, worker, bridge, fleet);
        for (String takUrl : extras.takUrls()) {
            active.addTak(takUrl, clock);
        }
        LOG.info("coordinator active mqtt={} drones={}", s.mqttUrl(), s.drones().size());
        return active;
    }

    /** The control room's last setting wins over the configured starting value, also after a failover. */
    private static void restoreWeather(CoordinatorSettings s, Weather weather) throws StartupException {
        try {
            WeatherStore.latest(s.database()).ifPresent(stored -> {
                weather.set(stored.ambientTempC());
                LOG.info("weather restored ambientTempC={} setAt={}", stored.ambientTempC(), stored.setAt());
            });
        } catch (SQLException e) {
            throw new StartupException("database: could not read the weather: " + e.getMessage(), e);
        }
    }

    private static void connect(CoordinatorSettings s, MqttBridge bridge) throws StartupException {
        try {
            bridge.connect().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while connecting to the MQTT broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StartupException("cannot reach the MQTT broker at " + s.mqttUrl() + ": " + Coordinator.rootMessage(e), e);
        }
    }

    /** Sends team alerts as Cursor-on-Target events to one more TAK endpoint, until these parts stop. */
    void addTak(String takUrl, Clock clock) throws StartupException {
        TakBridge tak = lifecycle.start("tak " + takUrl, () -> new TakBridge(takUrl, clock));
        worker.onAlert(tak::offer);
    }

    @Override
    public void close() {
        lifecycle.close();
    }
}
