package org.winterwatch.drone;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.mavsdk.System;
import io.mavsdk.core.Core;
import io.mavsdk.geofence.Geofence;
import io.mavsdk.mission.Mission;
import io.mavsdk.telemetry.Telemetry;
import io.reactivex.Completable;
import io.reactivex.Flowable;
import io.reactivex.disposables.CompositeDisposable;
import io.reactivex.functions.Consumer;
import io.reactivex.plugins.RxJavaPlugins;
import io.reactivex.schedulers.Schedulers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DroneLink} over MAVSDK-Java: one {@link System} per drone, talking gRPC to a
 * {@code mavsdk_server} (or the simulator).
 *
 * <p>Every Rx subscription has an error handler; a stream error or end means the link is lost, and
 * the link reconnects with backoff (a fresh {@code System} with every stream subscribed again, since
 * MAVSDK-Java's streams cannot be resubscribed once they fail). A link that says it is connected but
 * delivers nothing for {@link Settings#stallTimeout()} has stalled silently (a known MAVSDK failure) and
 * is reconnected the same way. Every command has a timeout and runs on Rx's io scheduler, so callers
 * are never blocked. Arming is refused here, before anything is sent, without a GPS fix, a home
 * position, enough battery or the vehicle's own health checks. Once connected the link asks Info which
 * autopilot it talks to: missions go through MAVSDK's Mission plugin for PX4 and through MissionRaw for
 * ArduPilot ({@link #missionPath()}). State listeners are called from one internal thread at most every
 * {@link #STATE_PERIOD}, always with the latest state.
 */
public final class MavsdkDroneLink implements DroneLink {

    private static final Logger LOG = LoggerFactory.getLogger(MavsdkDroneLink.class);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);
    /** State listeners are called at most this often (5 Hz). */
    public static final Duration STATE_PERIOD = Duration.ofMillis(200);
    private static final long MAX_RECONNECT_DELAY_MS = 10_000;
    /** A connected link that delivers nothing for this long has stalled. */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(3);
    /** Arming is refused below this battery level. */
    public static final double DEFAULT_MIN_ARM_BATTERY_PERCENT = 20;

    /**
     * How a link behaves.
     *
     * @param callTimeout how long a command may take (an upload three times that)
     * @param stallTimeout how long a connected link may stay silent before it counts as stalled
     * @param minArmBatteryPercent arming is refused below this battery level
     */
    public record Settings(Duration callTimeout, Duration stallTimeout, double minArmBatteryPercent) {

        public static final Settings DEFAULTS = new Settings(DEFAULT_CALL_TIMEOUT, DEFAULT_STALL_TIMEOUT,
                DEFAULT_MIN_ARM_BATTERY_PERCENT);

        public Settings {
            if (callTimeout == null || callTimeout.isNegative() || callTimeout.isZero()) {
                throw new IllegalArgumentException("callTimeout must be positive, was " + callTimeout);
            }
            if (stallTimeout == null || stallTimeout.compareTo(STATE_PERIOD.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("stallTimeout must be at least " + STATE_PERIOD.multipliedBy(2) + ", was " + stallTimeout);
            }
            if (!(minArmBatteryPercent >= 0 && minArmBatteryPercent <= 100)) {
                throw new IllegalArgumentException("minArmBatteryPercent must be within 0..100, was " + minArmBatteryPercent);
            }
        }

        public Settings withCallTimeout(Duration timeout) {
            return new Settings(timeout, stallTimeout, minArmBatteryPercent);
        }

        public Settings withStallTimeout(Duration timeout) {
            return new Settings(callTimeout, timeout, minArmBatteryPercent);
        }

        public Settings withMinArmBatteryPercent(double percent) {
            return new Settings(callTimeout, stallTimeout, percent);
        }
    }

    static {
        // Without a handler, an error that reaches no subscriber (e.g. a stream failing after dispose)
        // is thrown on a gRPC thread. Install one only if the application has not.
        if (RxJavaPlugins.getErrorHandler() == null) {
            RxJavaPlugins.setErrorHandler(e -> LOG.debug("undeliverable Rx error reason={}", e.toString()));
        }
    }

    private final String droneId;
    private final String host;
    private final int port;
    private final Clock clock;
    private final Duration callTimeout;
    private final Settings settings;
    private final ScheduledExecutorService timer;
    private final List<java.util.function.Consumer<DroneState>> listeners = new CopyOnWriteArrayList<>();

    // guarded by this
    private System system;
    private CompositeDisposable subscriptions = new CompositeDisposable();
    private int generation;
    private boolean reconnectScheduled;
    private long reconnectDelayMs = 500;
    private boolean closed;
    private CompletableFuture<Void> ready = new CompletableFuture<>();
    private final LinkTelemetry telemetry = new LinkTelemetry();
    private long version;
    private Autopilot autopilot = Autopilot.UNKNOWN;
    private MissionPath missionPath;
    private boolean askingInfo;
    private long messages;
    private long watchedMessages;
    private int quietTicks;

    private volatile DroneState latest;
    private long emittedVersion;

    public MavsdkDroneLink(String droneId, String host, int grpcPort, Clock clock) {
        this(droneId, host, grpcPort, clock, DEFAULT_CALL_TIMEOUT);
    }

    public MavsdkDroneLink(String droneId, String host, int grpcPort, Clock clock, Duration callTimeout) {
        this(droneId, host, grpcPort, clock, Settings.DEFAULTS.withCallTimeout(Objects.requireNonNull(callTimeout, "callTimeout")));
    }

    public MavsdkDroneLink(String droneId, String host, int grpcPort, Clock clock, Settings settings) {
        if (droneId == null || droneId.isBlank()) {
            throw new IllegalArgumentException("droneId must not be blank");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (grpcPort < 1 || grpcPort > 65535) {
            throw new IllegalArgumentException("grpcPort must be within 1..65535, was " + grpcPort);
        }
        this.droneId = droneId;
        this.host = host;
        this.port = grpcPort;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.callTimeout = settings.callTimeout();
        this.latest = DroneState.unknown(droneId, clock.instant());
        this.timer = Executors.newSingleThreadScheduledExecutor(
                new ThreadFactoryBuilder().setNameFormat("ww-drone-" + droneId).setDaemon(true).build());
        long periodMs = STATE_PERIOD.toMillis();
        // fixed delay, not rate: a late run must not be followed by a catch-up burst
        timer.scheduleWithFixedDelay(this::emitState, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public String droneId() {
        return droneId;
    }

    @Override
    public CompletionStage<Void> connect(Duration timeout) {
        CompletableFuture<Void> current;
        synchronized (this) {
            if (closed) {
                return failed(DroneLinkException.Reason.CONNECTION, "connect: link is closed");
            }
            if (system == null) {
                open();
            }
            current = ready;
        }
        return withTimeout(current, timeout,
                "connect: no connection, position and home from " + host + ":" + port + " within " + timeout);
    }

    @Override
    public CompletionStage<Void> uploadMission(List<RoutePoint> route) {
        if (route == null || route.isEmpty()) {
            return failed(DroneLinkException.Reason.REFUSED, "upload mission: the route is empty");
        }
        List<RoutePoint> points = List.copyOf(route);
        Autopilot vehicle;
        double homeLat;
        double homeLon;
        synchronized (this) {
            vehicle = autopilot;
            homeLat = telemetry.homeLat;
            homeLon = telemetry.homeLon;
        }
        CompletionStage<Void> upload;
        MissionPath path;
        if (vehicle == Autopilot.ARDUPILOT) {
            path = MissionPath.MISSION_RAW;
            upload = uploadRaw(points, homeLat, homeLon);
        } else {
            path = MissionPath.MISSION;
            upload = uploadPlan(points);
        }
        // a dependent stage (thenRun) would fail with a CompletionException around the DroneLinkException
        CompletableFuture<Void> result = new CompletableFuture<>();
        upload.whenComplete((ok, error) -> {
            if (error != null) {
                result.completeExceptionally(MavsdkErrors.map(droneId, "upload mission", error));
                return;
            }
            synchronized (this) {
                missionPath = path;
            }
            LOG.info("mission uploaded droneId={} path={} autopilot={} points={}", droneId, path, vehicle, points.size());
            result.complete(null);
        });
        return result;
    }

    private CompletionStage<Void> uploadRaw(List<RoutePoint> points, double homeLat, double homeLon) {
        if (Double.isNaN(homeLat) || Double.isNaN(homeLon)) {
            return failed(DroneLinkException.Reason.UNHEALTHY, "upload mission (MissionRaw): home position not known yet");
        }
        List<io.mavsdk.mission_raw.MissionRaw.MissionItem> items = MissionRawMapper.toItems(points, homeLat, homeLon);
        return command("upload mission (MissionRaw)", callTimeout.multipliedBy(3), s -> s.getMissionRaw()
                .uploadMission(items)
                .andThen(s.getMissionRaw().downloadMission().flatMapCompletable(downloaded ->
                        MissionRawMapper.matches(points, downloaded)
                                ? Completable.complete()
                                : Completable.error(new DroneLinkException(DroneLinkException.Reason.MISMATCH,
                                        droneId + ": upload mission (MissionRaw): the mission read back differs from the route")))));
    }

    private CompletionStage<Void> uploadPlan(List<RoutePoint> points) {
        Mission.MissionPlan plan = MissionItemMapper.toPlan(points);
        // a MAVSDK "success" means accepted, not stored: read the mission back and compare
        return command("upload mission", callTimeout.multipliedBy(3), s -> s.getMission()
                .setReturnToLaunchAfterMission(true)
                .andThen(s.getMission().uploadMission(plan))
                .andThen(s.getMission().downloadMission().flatMapCompletable(downloaded ->
                        MissionItemMapper.matches(points, downloaded)
                                ? Completable.complete()
                                : Completable.error(new DroneLinkException(DroneLinkException.Reason.MISMATCH,
                                        droneId + ": upload mission: the mission read back differs from the route")))));
    }

    @Override
    public CompletionStage<Void> uploadNoFlyZones(List<List<GeoPoint>> zones) {
        List<Geofence.Polygon> polygons = zones.stream().map(zone -> new Geofence.Polygon(
                zone.stream().map(p -> new Geofence.Point(p.lat(), p.lon())).toList(),
                Geofence.Polygon.FenceType.EXCLUSION)).toList();
        if (polygons.isEmpty()) {
            return command("clear geofence", callTimeout, s -> s.getGeofence().clearGeofence());
        }
        return command("upload geofence", callTimeout, s -> s.getGeofence().uploadGeofence(polygons));
    }

    @Override
    public CompletionStage<Void> arm() {
        DroneLinkException unfit;
        synchronized (this) {
            unfit = telemetry.unfitToArm(settings.minArmBatteryPercent());
        }
        if (unfit != null) {
            LOG.info("arm refused before sending droneId={} reason={}", droneId, unfit.getMessage());
            return failed(unfit.reason(), unfit.getMessage());
        }
        return command("arm", callTimeout, s -> s.getAction().arm());
    }

    @Override
    public CompletionStage<Void> startMission() {
        if (rawPath()) {
            return command("start mission (MissionRaw)", callTimeout, s -> s.getMissionRaw().startMission());
        }
        return command("start mission", callTimeout, s -> s.getMission().startMission());
    }

    /** The autopilot Info reported, UNKNOWN until the link has connected once. */
    public synchronized Autopilot autopilot() {
        return autopilot;
    }

    /** The plugin that carried the last uploaded mission; null before the first upload. */
    public synchronized MissionPath missionPath() {
        return missionPath;
    }

    private synchronized boolean rawPath() {
        return autopilot == Autopilot.ARDUPILOT;
    }

    @Override
    public CompletionStage<Void> returnToLaunch() {
        return command("return to launch", callTimeout, s -> s.getAction().returnToLaunch());
    }

    @Override
    public CompletionStage<Void> pauseMission() {
        if (rawPath()) {
            return command("pause mission (MissionRaw)", callTimeout, s -> s.getMissionRaw().pauseMission());
        }
        return command("pause mission", callTimeout, s -> s.getMission().pauseMission());
    }

    @Override
    public DroneState state() {
        return latest;
    }

    @Override
    public void onState(java.util.function.Consumer<DroneState> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void close() {
        CompletableFuture<Void> pending;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending = ready;
            dropSystem();
            telemetry.connected = false;
            changed();
        }
        pending.completeExceptionally(new DroneLinkException(DroneLinkException.Reason.CONNECTION, droneId + ": link closed"));
        timer.shutdownNow();
    }

    // ---- connection and streams ----

    /** Creates a fresh System and subscribes to everything the state needs. Caller holds the lock. */
    private void open() {
        int gen = ++generation;
        system = new System(host, port);
        subscriptions = new CompositeDisposable();
        Core core = system.getCore();
        Telemetry t = system.getTelemetry();
        subscribe(gen, "connection", core.getConnectionState(), s -> {
            update(gen, () -> telemetry.connected = Boolean.TRUE.equals(s.getIsConnected()));
            askAutopilot(gen);
        });
        subscribe(gen, "position", t.getPosition(), p -> update(gen, () -> telemetry.position(p)));
        subscribe(gen, "home", t.getHome(), h -> update(gen, () -> telemetry.home(h)));
        subscribe(gen, "battery", t.getBattery(), b -> update(gen, () -> telemetry.batteryPercent = percent(b.getRemainingPercent())));
        subscribe(gen, "armed", t.getArmed(), a -> update(gen, () -> telemetry.armed = a));
        subscribe(gen, "in-air", t.getInAir(), a -> update(gen, () -> telemetry.inAir = a));
        subscribe(gen, "flight-mode", t.getFlightMode(), m -> update(gen, () -> telemetry.flightMode = m.name()));
        subscribe(gen, "health", t.getHealthAllOk(), ok -> update(gen, () -> telemetry.healthAllOk = ok));
        subscribe(gen, "health-detail", t.getHealth(), h -> update(gen, () -> {
            telemetry.globalPositionOk = h.getIsGlobalPositionOk();
            telemetry.homePositionOk = h.getIsHomePositionOk();
        }));
        subscribe(gen, "gps-info", t.getGpsInfo(), g -> update(gen, () -> telemetry.gpsFix = g.getFixType() != null
                && g.getFixType().ordinal() >= Telemetry.FixType.FIX_3D.ordinal()));
        subscribe(gen, "velocity", t.getVelocityNed(), v -> update(gen, () -> telemetry.groundSpeedMps =
                v.getNorthMS() == null || v.getEastMS() == null ? Double.NaN : Math.hypot(v.getNorthMS(), v.getEastMS())));
        subscribe(gen, "heading", t.getHeading(), h -> update(gen, () -> telemetry.headingDeg =
                h.getHeadingDeg() == null ? Double.NaN : h.getHeadingDeg()));
        subscribe(gen, "status-text", t.getStatusText(), text -> {
            LOG.warn("vehicle says droneId={} type={} text={}", droneId, text.getType(), text.getText());
            update(gen, () -> telemetry.statusText = text.getText());
        });
        subscribe(gen, "mission-progress", system.getMission().getMissionProgress(), p -> update(gen, () -> {
            if (autopilot != Autopilot.ARDUPILOT) {
                telemetry.missionCurrent = p.getCurrent();
                telemetry.missionTotal = p.getTotal();
            }
        }));
        subscribe(gen, "mission-raw-progress", system.getMissionRaw().getMissionProgress(), p -> update(gen, () -> {
            if (autopilot == Autopilot.ARDUPILOT) {
                telemetry.missionCurrent = p.getCurrent();
                telemetry.missionTotal = p.getTotal();
            }
        }));
        LOG.debug("link opened droneId={} endpoint={}:{} generation={}", droneId, host, port, gen);
    }

    private <T> void subscribe(int gen, String stream, Flowable<T> flowable, Consumer<T> onNext) {
        subscriptions.add(flowable.subscribe(
                onNext,
                error -> linkLost(gen, stream, error),
                () -> linkLost(gen, stream, null)));
    }

    /** Once per connection, asks Info which autopilot this is (it decides the mission path). */
    private void askAutopilot(int gen) {
        System s;
        synchronized (this) {
            if (gen != generation || closed || !telemetry.connected || autopilot != Autopilot.UNKNOWN || askingInfo) {
                return;
            }
            askingInfo = true;
            s = system;
        }
        io.mavsdk.info.Info info = s.getInfo();
        io.reactivex.Single.zip(info.getProduct(), info.getVersion(),
                        (product, version) -> Autopilot.fromInfo(product.getVendorName(), product.getProductName(),
                                version.getFlightSwMajor() == null ? 0 : version.getFlightSwMajor()))
                .subscribeOn(Schedulers.io())
                .timeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .subscribe(found -> learnAutopilot(gen, found, null), error -> learnAutopilot(gen, Autopilot.PX4, error));
    }

    private void learnAutopilot(int gen, Autopilot found, Throwable error) {
        synchronized (this) {
            askingInfo = false;
        }
        if (error != null) {
            LOG.warn("cannot ask Info for the autopilot, assuming PX4 droneId={} reason={}", droneId, error.toString());
        } else {
            LOG.info("autopilot droneId={} autopilot={} missionPath={}", droneId, found,
                    found == Autopilot.ARDUPILOT ? MissionPath.MISSION_RAW : MissionPath.MISSION);
        }
        update(gen, () -> autopilot = found);
    }

    private void update(int gen, Runnable change) {
        CompletableFuture<Void> nowReady = null;
        synchronized (this) {
            if (gen != generation || closed) {
                return;
            }
            change.run();
            messages++;
            reconnectDelayMs = 500;
            changed();
            if (telemetry.connected && telemetry.positionKnown() && telemetry.homeKnown && autopilot != Autopilot.UNKNOWN
                    && !ready.isDone()) {
                nowReady = ready;
            }
        }
        if (nowReady != null) {
            LOG.debug("link ready droneId={}", droneId);
            nowReady.complete(null);
        }
    }

    private void linkLost(int gen, String stream, Throwable error) {
        synchronized (this) {
            if (gen != generation || closed || reconnectScheduled) {
                return;
            }
            // warn once when a working link drops; retries while it stays down are debug
            if (telemetry.connected) {
                LOG.warn("drone link lost droneId={} endpoint={}:{} stream={} reason={} retryInMs={}", droneId, host,
                        port, stream, error == null ? "stream ended" : error.getMessage(), reconnectDelayMs);
            } else {
                LOG.debug("drone link down droneId={} endpoint={}:{} stream={} reason={} retryInMs={}", droneId, host,
                        port, stream, error == null ? "stream ended" : error.getMessage(), reconnectDelayMs);
            }
            telemetry.connected = false;
            telemetry.forgetGroundState();
            changed();
            if (ready.isDone()) {
                ready = new CompletableFuture<>();
            }
            reconnectScheduled = true;
            long delay = reconnectDelayMs;
            reconnectDelayMs = Math.min(MAX_RECONNECT_DELAY_MS, reconnectDelayMs * 2);
            try {
                timer.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
            } catch (RuntimeException rejected) {
                reconnectScheduled = false;
            }
        }
    }

    private void reconnect() {
        synchronized (this) {
            reconnectScheduled = false;
            askingInfo = false;
            if (closed) {
                return;
            }
            dropSystem();
            try {
                open();
            } catch (RuntimeException e) {
                LOG.warn("drone link reopen failed droneId={} reason={}", droneId, e.getMessage());
            }
        }
    }

    /** Caller holds the lock. */
    private void dropSystem() {
        subscriptions.dispose();
        if (system != null) {
            try {
                system.dispose();
            } catch (RuntimeException e) {
                LOG.debug("dispose failed droneId={} reason={}", droneId, e.getMessage());
            }
            system = null;
        }
    }

    // ---- commands ----

    private CompletionStage<Void> command(String operation, Duration timeout, Function<System, Completable> call) {
        System s;
        synchronized (this) {
            s = system;
        }
        if (s == null) {
            return failed(DroneLinkException.Reason.CONNECTION, operation + ": not connected (call connect first)");
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            call.apply(s)
                    .subscribeOn(Schedulers.io())
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .subscribe(
                            () -> result.complete(null),
                            error -> result.completeExceptionally(MavsdkErrors.map(droneId, operation, error)));
        } catch (RuntimeException e) {
            result.completeExceptionally(MavsdkErrors.map(droneId, operation, e));
        }
        result.whenComplete((ok, error) -> {
            if (error != null) {
                LOG.info("drone command failed droneId={} op={} reason={}", droneId, operation, error.getMessage());
            }
        });
        // the caller gets this future itself, so its failure is the DroneLinkException, not a wrapper
        return result;
    }

    private CompletableFuture<Void> withTimeout(CompletableFuture<Void> stage, Duration timeout, String what) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        ScheduledFuture<?> timeoutTask;
        try {
            timeoutTask = timer.schedule(() -> result.completeExceptionally(
                    new DroneLinkException(DroneLinkException.Reason.TIMEOUT, droneId + ": " + what)),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            return failed(DroneLinkException.Reason.CONNECTION, "link is closed");
        }
        stage.whenComplete((ok, error) -> {
            timeoutTask.cancel(false);
            if (error == null) {
                result.complete(null);
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                result.completeExceptionally(MavsdkErrors.map(droneId, "connect", cause));
            }
        });
        return result;
    }

    private CompletableFuture<Void> failed(DroneLinkException.Reason reason, String message) {
        return CompletableFuture.failedFuture(new DroneLinkException(reason, droneId + ": " + message));
    }

    // ---- state ----

    /** Caller holds the lock. */
    private void changed() {
        version++;
        latest = telemetry.toState(droneId, clock, autopilot);
    }

    /**
     * Called every {@link #STATE_PERIOD} on the link's thread: a link that says it is connected but has
     * delivered nothing for the stall timeout is treated as lost (and reconnected).
     */
    private void watchForStall() {
        int gen;
        synchronized (this) {
            if (closed || system == null || !telemetry.connected || reconnectScheduled) {
                quietTicks = 0;
                watchedMessages = messages;
                return;
            }
            if (messages != watchedMessages) {
                watchedMessages = messages;
                quietTicks = 0;
                return;
            }
            quietTicks++;
            if (quietTicks * STATE_PERIOD.toMillis() < settings.stallTimeout().toMillis()) {
                return;
            }
            quietTicks = 0;
            gen = generation;
        }
        LOG.warn("drone telemetry stalled droneId={} endpoint={}:{} silentForMs={}", droneId, host, port,
                settings.stallTimeout().toMillis());
        linkLost(gen, "all (stalled)", new java.util.concurrent.TimeoutException(
                "no telemetry for " + settings.stallTimeout().toMillis() + " ms although connected"));
    }

    private void emitState() {
        try {
            watchForStall();
        } catch (RuntimeException e) {
            LOG.warn("stall watch failed droneId={} reason={}", droneId, e.toString());
        }
        DroneState state;
        synchronized (this) {
            if (version == emittedVersion) {
                return;
            }
            emittedVersion = version;
            state = latest;
        }
        for (java.util.function.Consumer<DroneState> listener : listeners) {
            try {
                listener.accept(state);
            } catch (RuntimeException e) {
                LOG.warn("state listener failed droneId={} reason={}", droneId, e.getMessage());
            }
        }
    }

    private static double percent(Float fraction) {
        if (fraction == null || !Float.isFinite(fraction)) {
            return Double.NaN;
        }
        return Math.max(0, Math.min(100, fraction * 100.0));
    }
}
