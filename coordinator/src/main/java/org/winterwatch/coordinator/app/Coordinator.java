package org.winterwatch.coordinator.app;

import io.vertx.core.Vertx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.coordinator.alerts.Alert;
import org.winterwatch.coordinator.alerts.AlertBook;
import org.winterwatch.coordinator.alerts.AlertState;
import org.winterwatch.coordinator.alerts.DetectionParser;
import org.winterwatch.coordinator.alerts.Teams;
import org.winterwatch.coordinator.alerts.TipParser;
import org.winterwatch.coordinator.alerts.Weather;
import org.winterwatch.coordinator.clocks.SourceClocks;
import org.winterwatch.coordinator.fleet.DroneLinks;
import org.winterwatch.coordinator.fleet.FleetSupervisor;
import org.winterwatch.coordinator.http.HttpApiVerticle;
import org.winterwatch.coordinator.mqtt.MqttBridge;
import org.winterwatch.coordinator.pipeline.AlertWorker;
import org.winterwatch.coordinator.pipeline.Work;
import org.winterwatch.coordinator.pipeline.OutboxRelay;
import org.winterwatch.coordinator.store.AlertStore;
import org.winterwatch.coordinator.store.AuditLog;
import org.winterwatch.coordinator.store.LocationRetention;
import org.winterwatch.coordinator.tak.TakBridge;
import org.winterwatch.drone.DroneLink;

/**
 * The running coordinator: database, MQTT bridge and alert pipeline, HTTP API, and the drone fleet.
 */
public final class Coordinator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);

    private final CoordinatorSettings settings;
    private final AlertStore store;
    private final MqttBridge bridge;
    private final OutboxRelay relay;
    private final AlertWorker worker;
    private final List<TakBridge> takBridges = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final FleetSupervisor fleet;
    private final TipInspections inspections;
    private final AuditLog audit;
    private final Vertx vertx;
    private final HttpApiVerticle http;
    private final ScheduledExecutorService retention = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ww-retention");
        t.setDaemon(true);
        return t;
    });

    private Coordinator(CoordinatorSettings settings, AlertStore store, MqttBridge bridge, OutboxRelay relay,
                        AlertWorker worker, FleetSupervisor fleet, TipInspections inspections, AuditLog audit, Vertx vertx,
                        HttpApiVerticle http) {
        this.settings = settings;
        this.store = store;
        this.bridge = bridge;
        this.relay = relay;
        this.worker = worker;
        this.fleet = fleet;
        this.inspections = inspections;
        this.audit = audit;
        this.vertx = vertx;
        this.http = http;
    }

    /** Starts every part; returns when the broker is connected and the API listens. */
    public static Coordinator start(CoordinatorSettings s) throws StartupException {
        try {
            s.database().migrate();
        } catch (RuntimeException e) {
            throw new StartupException("database " + s.database().redacted() + " is not usable: " + rootMessage(e), e);
        }
        AlertStore store = new AlertStore(s.database());
        Weather weather = new Weather(s.ambientTempC());
        AlertBook book = new AlertBook(s.sites(), s.policy(), new Teams(s.teams(), s.policy()), weather);
        try {
            book.restore(store.alerts(null));
        } catch (SQLException e) {
            throw new StartupException("database: could not read alerts: " + e.getMessage(), e);
        }
        Clock clock = s.clock();
        OutboxRelay[] relayRef = new OutboxRelay[1];
        SourceClocks sourceClocks = new SourceClocks();
        AlertWorker worker = new AlertWorker(book, store,
                new DetectionParser(clock, s.detectionMaxAge(), s.maxClockSkew(), sourceClocks),
                new TipParser(clock, s.detectionMaxAge(), s.maxClockSkew()), clock, s.topicPrefix(), committed -> relayRef[0].offer(committed));
        Map<String, MqttBridge.InboundHandler> handlers = new LinkedHashMap<>();
        handlers.put("detections/+", (topic, payload, ack) -> worker.accept(topic, payload, Work.Route.DETECTION, ack));
        handlers.put("tips", (topic, payload, ack) -> worker.accept(topic, payload, Work.Route.TIP, ack));
        handlers.put("acks/+", (topic, payload, ack) -> worker.accept(topic, payload, Work.Route.ACK, ack));
        MqttBridge bridge;
        try {
            bridge = new MqttBridge(s.mqttUrl(), s.clientId(), s.topicPrefix(), clock, handlers);
        } catch (MqttException | IllegalArgumentException e) {
            throw new StartupException("mqtt-url '" + s.mqttUrl() + "' is not usable: " + e.getMessage(), e);
        }
        OutboxRelay relay = new OutboxRelay(store, bridge);
        relayRef[0] = relay;
        worker.onPoison((message, reason) -> {
            LOG.error("message could not be stored and goes to the dead letters topic={} reason={}", message.topic(), reason);
            bridge.deadLetter(message.topic(), reason, message.payload());
        }).start();
        try {
            relay.start();
            bridge.connect().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while connecting to the MQTT broker", e);
        } catch (ExecutionException | TimeoutException e) {
            worker.close();
            relay.close();
            bridge.close();
            throw new StartupException("cannot reach the MQTT broker at " + s.mqttUrl() + ": " + rootMessage(e), e);
        }
        List<DroneLink> links = DroneLinks.open(s.drones(), clock);
        FleetSupervisor fleet = new FleetSupervisor(links, s.sites(), s.inspection());
        AuditLog audit = new AuditLog(s.database(), Clock.systemUTC());
        TipInspections inspections = null;
        if (s.inspection().enabled()) {
            inspections = new TipInspections(fleet, worker, clock, audit);
            worker.onTip(inspections::onTip);
        }
        Vertx vertx = Vertx.vertx();
        HttpApiVerticle http = new HttpApiVerticle(s.http(), new CoordinatorBackend(s, store, bridge, fleet, worker, weather, audit,
                sourceClocks));
        try {
            vertx.deployVerticle(http).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while starting the HTTP API", e);
        } catch (ExecutionException | TimeoutException e) {
            if (inspections != null) {
                inspections.close();
            }
            fleet.close();
            worker.close();
            relay.close();
            bridge.close();
            vertx.close();
            audit.close();
            throw new StartupException("http-port " + s.http().port() + ": cannot listen: " + rootMessage(e), e);
        }
        LOG.info("coordinator started mqtt={} http={} drones={}", s.mqttUrl(), http.actualPort(), links.size());
        return new Coordinator(s, store, bridge, relay, worker, fleet, inspections, audit, vertx, http);
    }

    public int httpPort() {
        return http.actualPort();
    }

    public FleetSupervisor fleet() {
        return fleet;
    }

    public MqttBridge bridge() {
        return bridge;
    }

    /** Also sends team alerts as Cursor-on-Target events to a TAK endpoint ({@code udp://} or {@code tcp://}). */
    public void sendAlertsToTak(String takUrl) {
        TakBridge tak = new TakBridge(takUrl, settings.clock());
        takBridges.add(tak);
        worker.onAlert(tak::offer);
    }

    /**
     * Keeps people's exact locations no longer than {@code keep} (at least a day): an hour after the start and every
     * hour after, what is older is purged or coarsened (see {@link LocationRetention}), and the audit trail says so.
     */
    public void keepLocationsFor(Duration keep) {
        LocationRetention.checked(keep);
        LocationRetention purge = new LocationRetention(settings.database());
        retention.scheduleWithFixedDelay(() -> purgeLocations(purge, keep), 60, 60, TimeUnit.MINUTES);
    }

    private void purgeLocations(LocationRetention purge, Duration keep) {
        Instant cutoff = settings.clock().instant().minus(keep);
        try {
            LocationRetention.Purged done = purge.purge(cutoff);
            if (!done.isEmpty()) {
                LOG.info("locations purged olderThan={} detections={} versions={} coarsened={}", cutoff,
                        done.detections(), done.versions(), done.coarsened());
                audit.record("coordinator", "purge locations", "older than " + cutoff, done.detections()
                        + " detections and " + done.versions() + " old alert versions deleted, " + done.coarsened()
                        + " resolved alerts coarsened to 0.001 degrees");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("location purge failed, tried again in an hour reason={}", e.toString());
        }
    }

    /** Called with every committed alert change. */
    public void onAlert(Consumer<Alert> listener) {
        worker.onAlert(listener);
    }

    public List<Alert> alerts(AlertState state) throws SQLException {
        return store.alerts(state);
    }

    @Override
    public void close() {
        retention.shutdownNow();
        if (inspections != null) {
            inspections.close();
        }
        fleet.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("vertx close reason={}", e.toString());
        }
        worker.close();
        takBridges.forEach(TakBridge::close);
        relay.close();
        bridge.close();
        audit.close();
        store.close();
        LOG.info("coordinator stopped");
    }

    static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

}
