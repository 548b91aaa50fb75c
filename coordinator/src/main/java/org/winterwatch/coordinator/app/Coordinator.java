package org.winterwatch.coordinator.app;

import io.vertx.core.Vertx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.AlertReads;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.book.Weather;
import org.winterwatch.alerts.clocks.SourceClocks;
import org.winterwatch.alerts.figures.TimeToHelp;
import org.winterwatch.alerts.store.AlertStore;
import org.winterwatch.alerts.store.LocationRetention;
import org.winterwatch.coordinator.fleet.FleetSupervisor;
import org.winterwatch.coordinator.http.HttpApiVerticle;
import org.winterwatch.coordinator.http.LiveEvents;
import org.winterwatch.coordinator.mqtt.MqttBridge;
import org.winterwatch.coordinator.store.AuditLog;
import org.winterwatch.coordinator.sweep.SweepRunner;
import org.winterwatch.missions.sweep.JdbcSweepRepository;
import org.winterwatch.missions.sweep.SweepRepository;

/**
 * The running coordinator. Every process serves the HTTP API over the shared database; the one elected active
 * (see {@link Leadership}) also runs the {@link ActiveParts}: alert pipeline, MQTT, drones, timers. On PostgreSQL,
 * several processes started alike form one coordinator, one active and the rest standby; on the embedded H2 database
 * there is only ever one.
 */
public final class Coordinator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);

    private final CoordinatorSettings settings;
    private final Lifecycle lifecycle = new Lifecycle("coordinator");
    private final List<Consumer<Alert>> alertListeners = new CopyOnWriteArrayList<>();
    private final List<String> takUrls = new CopyOnWriteArrayList<>();
    private final List<Runnable> onActive = new CopyOnWriteArrayList<>();
    /** What the dashboard's event stream follows: alert and sweep changes on the active coordinator, the weather. */
    private final LiveEvents events = new LiveEvents();
    private AlertStore store;
    private SweepRepository sweepStore;
    private AuditLog audit;
    private Weather weather;
    private Leadership leadership;
    private HttpApiVerticle http;
    private volatile ActiveParts active;
    /** How far each source's clock runs ahead; fed by the active parts' detection parser, read by health. */
    private final SourceClocks sourceClocks = new SourceClocks();
    private final CoordinatorMeters meters = new CoordinatorMeters();

    private Coordinator(CoordinatorSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts every part; returns when the API listens and, on the active coordinator, the broker is connected. A
     * standby returns at once and takes over by itself when the active one is gone.
     */
    public static Coordinator start(CoordinatorSettings s) throws StartupException {
        Coordinator c = new Coordinator(s);
        try {
            c.startParts();
        } catch (StartupException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void startParts() throws StartupException {
        lifecycle.start("database", settings::database);
        try {
            settings.database().migrate();
            JdbcSweepRepository.migrate(settings.database().dataSource());
        } catch (RuntimeException e) {
            throw new StartupException("database " + settings.database().redacted() + " is not usable: " + rootMessage(e), e);
        }
        store = lifecycle.start("alert store", () -> new AlertStore(settings.database()));
        sweepStore = new JdbcSweepRepository(settings.database().dataSource());
        audit = lifecycle.start("audit log", () -> new AuditLog(settings.database(), settings.clock()));
        weather = new Weather(settings.ambientTempC());
        if (!settings.database().isPostgres()) {
            SoloGuard.refuseIfAnotherCoordinatorIsOnline(settings);
        }
        leadership = lifecycle.start("leadership", () -> settings.database().isPostgres()
                ? new PostgresLeadership(settings.database(), settings.clientId()) : Leadership.solo());
        Vertx vertx = lifecycle.start("vertx", meters::vertx, v -> v.close().toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS));
        AlertReads reads = new AlertReads(store);
        StateGauges gauges = new StateGauges(meters.registry(), reads, sweepStore, sourceClocks, this::activeParts,
                settings.clock(), settings.drones().stream().map(DroneEndpoint::droneId).toList());
        http = new HttpApiVerticle(settings.http(), new CoordinatorBackend(settings, reads, weather,
                audit, this::activeParts, () -> leadership.role(), sourceClocks, sweepStore, gauges, events));
        onAlert(events::alertChanged);
        whenActive(() -> sweeps().onSweepChanged(events::sweepChanged));
        lifecycle.start("http api", () -> {
            deploy(vertx, http);
            return http;
        }, h -> { });
        lifecycle.start("active parts", () -> {
            leadership.start(new Leadership.Listener() {
                @Override
                public void elected() throws StartupException {
                    becomeActive();
                }

                @Override
                public void deposed() {
                    stepDown();
                }
            });
            return this;
        }, c -> stepDown());
        LOG.info("coordinator started role={} http={}", leadership.role().wireName(), http.actualPort());
    }

    private void deploy(Vertx vertx, HttpApiVerticle verticle) throws StartupException {
        try {
            vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while starting the HTTP API", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StartupException("http-port " + settings.http().port() + ": cannot listen: " + rootMessage(e), e);
        }
    }

    private synchronized void becomeActive() throws StartupException {
        if (active == null) {
            active = ActiveParts.start(settings, store, sweepStore, weather, audit, sourceClocks, meters,
                    new ActiveParts.Extras(List.copyOf(alertListeners), List.copyOf(takUrls)));
            onActive.forEach(Coordinator::runQuietly);
        }
    }

    private synchronized void stepDown() {
        ActiveParts was = active;
        active = null;
        if (was != null) {
            was.close();
            LOG.info("coordinator active parts stopped");
        }
    }

    private ActiveParts activeParts() {
        return active;
    }

    private ActiveParts requireActive() {
        ActiveParts a = active;
        if (a == null) {
            throw new IllegalStateException("this coordinator is standby");
        }
        return a;
    }

    public int httpPort() {
        return http.actualPort();
    }

    /** "active" or "standby". */
    public String role() {
        return leadership.role().wireName();
    }

    /** The drone fleet of the active coordinator. */
    public FleetSupervisor fleet() {
        return requireActive().fleet;
    }

    /** The sweeps of the active coordinator. */
    public SweepRunner sweeps() {
        return requireActive().sweeps;
    }

    public MqttBridge bridge() {
        return requireActive().bridge;
    }

    /** Runs {@code action} now if this coordinator is active, and every time it becomes active. */
    public void whenActive(Runnable action) {
        onActive.add(action);
        if (active != null) {
            runQuietly(action);
        }
    }

    /** Also sends team alerts as Cursor-on-Target events to a TAK endpoint ({@code udp://} or {@code tcp://}). */
    public synchronized void sendAlertsToTak(String takUrl) throws StartupException {
        takUrls.add(takUrl);
        if (active != null) {
            active.addTak(takUrl, settings.clock());
        }
    }

    /**
     * Keeps people's exact locations no longer than {@code keep} (at least a day): the active coordinator purges or
     * coarsens what is older every hour (see {@link RetentionSchedule}).
     */
    public void keepLocationsFor(Duration keep) throws StartupException {
        LocationRetention.checked(keep);
        lifecycle.start("location retention", () -> new RetentionSchedule(new LocationRetention(settings.database()),
                audit, settings.clock(), keep, () -> active != null));
    }

    /** Called with every committed alert change (on the active coordinator). */
    public void onAlert(Consumer<Alert> listener) {
        alertListeners.add(listener);
        ActiveParts a = active;
        if (a != null) {
            a.pipeline.onAlert(listener);
        }
    }

    /** How fast people were reached, for the alerts first seen within {@code [from, to)}. */
    public TimeToHelp.Figures timeToHelp(Instant from, Instant to) throws SQLException {
        return new AlertReads(store).timeToHelp(from, to);
    }

    /** The coordinator's clock (the simulator's in the demo). */
    public Clock clock() {
        return settings.clock();
    }

    public List<Alert> alerts(AlertState state) throws SQLException {
        return store.queries().alerts(state);
    }

    @Override
    public void close() {
        lifecycle.close();
        LOG.info("coordinator stopped");
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("on-active action failed reason={}", e.toString());
        }
    }

    static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
