package org.winterwatch.coordinator.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.drone.DroneLink;
import org.winterwatch.drone.DroneState;
import org.winterwatch.drone.RoutePoint;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.missions.InspectionPlanner;
import org.winterwatch.missions.Sortie;
import org.winterwatch.missions.Waypoint;

/**
 * The fleet: every drone's link and state, which drone is held by what (a sweep's sortie, an inspection), and point
 * inspections, which send the nearest free drone to look at a tip ({@link #inspect}). Sweeps are flown by the
 * sweep runner, which holds a drone through {@link #reserve} for each sortie.
 *
 * <p>A drone is busy while a sweep holds it for a sortie or it flies an inspection, and is given nothing else
 * meanwhile: a sweep waits for its drone to come back from an inspection, and an inspection never takes a drone
 * from a sweep. Talks to drones only through {@link DroneLink}. A drone that fails is reported and left alone:
 * the autopilot owns its failsafes, and an operator decides what happens next.
 */
public final class FleetSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetSupervisor.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, DroneLink> links = new LinkedHashMap<>();
    private final Map<String, List<Waiter>> waiters = new LinkedHashMap<>();
    private final List<Consumer<String>> events = new CopyOnWriteArrayList<>();
    private final DroneClaims claims = new DroneClaims();
    private final InspectionChoice inspections;
    private final Map<String, Inspection> inspecting = new ConcurrentHashMap<>();
    /** Held while an inspection's drone is chosen and claimed: one tip at a time, so two never get the same drone. */
    private final Object choosing = new Object();
    private volatile boolean closed;
    private final AtomicInteger sortiesFlown = new AtomicInteger();
    private final AtomicInteger inspectionsFlown = new AtomicInteger();
    private final AtomicLong flightMillis = new AtomicLong();

    private record Waiter(Predicate<DroneState> condition, CompletableFuture<DroneState> done) {
    }

    /** A supervisor without no-fly zones whose inspection sorties are switched off. */
    public FleetSupervisor(List<DroneLink> drones) {
        this(drones, new SiteLayer(List.of()), InspectionSettings.defaults());
    }

    /**
     * @param sites      the site layer; inspection sorties keep out of its no-fly zones and refuse points inside them
     * @param inspection whether and how tips send drones to look
     */
    public FleetSupervisor(List<DroneLink> drones, SiteLayer sites, InspectionSettings inspection) {
        Objects.requireNonNull(sites, "sites");
        Objects.requireNonNull(inspection, "inspection");
        InspectionPlanner planner = new InspectionPlanner(inspection.flight(), sites.noFlyZones());
        this.inspections = new InspectionChoice(inspection, planner);
        if (inspection.enabled()) {
            logInspections(inspection, planner, sites.noFlyZones().size());
        }
        for (DroneLink link : drones) {
            links.put(link.droneId(), link);
            List<Waiter> list = new CopyOnWriteArrayList<>();
            waiters.put(link.droneId(), list);
            link.onState(state -> list.forEach(w -> {
                if (w.condition().test(state)) {
                    list.remove(w);
                    w.done().complete(state);
                }
            }));
        }
    }

    private static void logInspections(InspectionSettings inspection, InspectionPlanner planner, int noFlyZones) {
        double altitudeM = inspection.flight().coverage().altitudeM();
        double configuredM = inspection.flight().coverage().orbitRadiusM();
        double flownM = Math.round(planner.orbitRadiusM() * 10) / 10.0;
        LOG.info("inspections on minBatteryPercent={} maxRangeM={} altitudeM={} orbitRadiusM={} noFlyZones={}",
                inspection.minBatteryPercent(), inspection.maxRangeM(), altitudeM, flownM, noFlyZones);
        if (planner.orbitRadiusM() < configuredM - 0.05) {
            // a nadir camera loses the point from a wide orbit flown low
            LOG.warn("inspection orbit radius capped orbitRadiusM={} configuredM={} altitudeM={} fix=fly higher",
                    flownM, configuredM, altitudeM);
        }
    }

    /** Receives one human-readable line per fleet event (sortie or inspection started, landed, failed, refused). */
    public void onEvent(Consumer<String> listener) {
        events.add(listener);
    }

    public List<String> droneIds() {
        return List.copyOf(links.keySet());
    }

    public List<DroneState> states() {
        return links.values().stream().map(DroneLink::state).toList();
    }

    /**
     * The control room's fleet figures: drones, busy drones, sorties flown (sweep sorties and inspections),
     * inspections flown, flight hours (on the coordinator's clock).
     */
    public Map<String, Object> figures() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("drones", links.size());
        f.put("dronesConnected", links.values().stream().filter(l -> l.state().connected()).count());
        f.put("dronesBusy", claims.busy().size());
        f.put("sortiesFlown", sortiesFlown.get());
        f.put("inspectionsFlown", inspectionsFlown.get());
        f.put("flightHours", Math.round(flightMillis.get() / 36_000.0) / 100.0);
        return f;
    }

    /** True when every configured drone link is connected (vacuously true without drones). */
    public boolean allConnected() {
        return links.values().stream().allMatch(l -> l.state().connected());
    }

    public CompletableFuture<Void> connectAll() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (DroneLink link : links.values()) {
            all.add(link.connect(CONNECT_TIMEOUT).toCompletableFuture());
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** The link to one drone, if it is one of the fleet's. */
    public Optional<DroneLink> link(String droneId) {
        return Optional.ofNullable(links.get(droneId));
    }

    /**
     * Holds the drone for {@code purpose} (such as a sweep's sortie) if nothing else holds it: inspections leave it
     * alone until the returned action releases it.
     */
    public Optional<Runnable> reserve(String droneId, String purpose) {
        return claims.tryClaim(droneId, purpose).map(claim -> () -> claims.release(claim));
    }

    /** What each busy drone is doing ({@code sweep}, {@code inspection for alert a-1}), by drone id. */
    public Map<String, String> busyDrones() {
        return claims.busy();
    }

    /**
     * Sends the nearest free drone to look at a point for an alert: take-off where it stands, transit at the
     * inspection altitude around no-fly zones, one orbit around the point with the camera on, return to launch.
     *
     * <p>A drone is free when it is connected, on the ground and disarmed with a position fix and a home, not
     * busy with a sweep or another inspection, charged to the minimum, within range of the point, and its battery
     * holds the sortie plus the reserve. The chosen drone is busy from this call on, so simultaneous tips get
     * different drones. Calling again for an alert whose inspection is still flying returns that inspection.
     * Plans on the caller's thread (a few milliseconds of geometry, no I/O); the flight goes on asynchronously.
     *
     * @return the {@link Inspection} under way, or an {@link InspectionRefusal} saying why no drone was sent
     * @throws IllegalArgumentException for a blank alert id or a position outside WGS 84 ranges
     */
    public InspectionResult inspect(String alertId, double lat, double lon) {
        if (alertId == null || alertId.isBlank()) {
            throw new IllegalArgumentException("alertId must not be blank");
        }
        LatLon point = new LatLon(lat, lon);
        InspectionResult result;
        synchronized (choosing) {
            result = choose(alertId, point);
        }
        if (result instanceof InspectionRefusal refusal) {
            LOG.info("inspection refused alertId={} reason={} message={}", alertId, refusal.reason(), refusal.message());
            if (refusal.reason() != InspectionRefusal.Reason.DISABLED) {
                emit("no drone sent to look for alert " + alertId + ": " + refusal.message());
            }
        }
        return result;
    }

    /** The inspection already flying for the alert, a new one with its drone claimed, or a refusal. */
    private InspectionResult choose(String alertId, LatLon point) {
        Inspection already = inspecting.get(alertId);
        if (already != null) {
            return already;
        }
        // a sweep can take a drone between the choice and the claim: then choose again among the others
        for (int attempt = 0; attempt <= links.size(); attempt++) {
            if (closed) {
                return new InspectionRefusal(InspectionRefusal.Reason.SHUTTING_DOWN, "the coordinator is shutting down");
            }
            InspectionChoice.Choice choice = inspections.choose(alertId, point, states(), claims.busy());
            if (choice instanceof InspectionChoice.Refused refused) {
                return refused.refusal();
            }
            InspectionChoice.Chosen chosen = (InspectionChoice.Chosen) choice;
            Optional<DroneClaims.Claim> claim = claims.tryClaim(chosen.droneId(), "inspection for alert " + alertId);
            if (claim.isPresent()) {
                return launch(alertId, chosen, claim.get());
            }
        }
        return new InspectionRefusal(InspectionRefusal.Reason.ALL_DRONES_BUSY,
                "every suitable drone was taken while one was being chosen");
    }

    private Inspection launch(String alertId, InspectionChoice.Chosen chosen, DroneClaims.Claim claim) {
        DroneLink link = links.get(chosen.droneId());
        Sortie sortie = chosen.sortie();
        List<RoutePoint> route = sortie.waypoints().stream().map(FleetSupervisor::toRoutePoint).toList();
        Inspection inspection = new Inspection(alertId, link.droneId(), chosen.distanceM(), sortie.lengthM(),
                sortie.durationS(), new CompletableFuture<>());
        inspecting.put(alertId, inspection);
        String what = link.droneId() + " inspection for alert " + alertId;
        LOG.info("inspection launched alertId={} droneId={} distanceM={} routeM={}", alertId, link.droneId(),
                Math.round(chosen.distanceM()), Math.round(sortie.lengthM()));
        flyRoute(link, route, () -> emit(String.format(Locale.ROOT,
                "%s started: %.1f km to the point, %.1f km there and back, about %.0f min", what,
                chosen.distanceM() / 1000, sortie.lengthM() / 1000, sortie.durationS() / 60)))
                .whenComplete((landed, e) -> {
                    if (e == null) {
                        inspectionsFlown.incrementAndGet();
                        emit(String.format(Locale.ROOT, "%s landed, battery %.0f%%", what, landed.batteryPercent()));
                    } else {
                        emit(what + (closed ? " left as it was: the coordinator is shutting down"
                                : " failed: " + rootMessage(e) + "; " + link.droneId() + " is free again"));
                    }
                    inspecting.remove(alertId, inspection);
                    claims.release(claim);
                    if (e == null) {
                        inspection.done().complete(null);
                    } else {
                        inspection.done().completeExceptionally(e instanceof CompletionException && e.getCause() != null
                                ? e.getCause() : e);
                    }
                });
        return inspection;
    }

    public CompletionStage<Void> returnToLaunch(String droneId) {
        DroneLink link = links.get(droneId);
        if (link == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no drone with id '" + droneId + "'"));
        }
        return link.returnToLaunch();
    }

    /**
     * Uploads, arms and starts {@code route}; completes with the landed state once the drone has taken off and
     * is back on the ground, disarmed, after counting the sortie and its flight time.
     */
    private CompletableFuture<DroneState> flyRoute(DroneLink link, List<RoutePoint> route, Runnable started) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the coordinator is shutting down"));
        }
        return link.uploadMission(route)
                .thenCompose(v -> link.arm())
                .thenCompose(v -> link.startMission())
                .thenCompose(v -> {
                    started.run();
                    return awaitState(link, DroneState::inAir);
                })
                .thenApply(DroneState::updatedAt)
                .thenCompose(takeOff -> awaitState(link, st -> !st.inAir() && !st.armed()).thenApply(s -> {
                    sortiesFlown.incrementAndGet();
                    if (takeOff != null && s.updatedAt() != null) {
                        flightMillis.addAndGet(Duration.between(takeOff, s.updatedAt()).toMillis());
                    }
                    return s;
                }))
                .toCompletableFuture();
    }

    private CompletableFuture<DroneState> awaitState(DroneLink link, Predicate<DroneState> condition) {
        DroneState now = link.state();
        if (condition.test(now)) {
            return CompletableFuture.completedFuture(now);
        }
        CompletableFuture<DroneState> done = new CompletableFuture<>();
        waiters.get(link.droneId()).add(new Waiter(condition, done));
        // The state may have changed between the check and the registration.
        DroneState again = link.state();
        if (condition.test(again)) {
            done.complete(again);
        }
        return done;
    }

    /** A planned waypoint as the drone link takes it (sweeps and inspections alike). */
    public static RoutePoint toRoutePoint(Waypoint w) {
        return new RoutePoint(w.lat(), w.lon(), w.altitudeM(), w.speedMps(), w.cameraOn());
    }

    private void emit(String line) {
        LOG.info("fleet event={}", line);
        events.forEach(l -> l.accept(line));
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c != c.getCause()) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    @Override
    public void close() {
        closed = true;
        claims.cancelWaiting();
        waiters.values().forEach(list -> list.forEach(w -> w.done().cancel(false)));
        links.values().forEach(link -> {
            try {
                link.close();
            } catch (RuntimeException e) {
                LOG.debug("drone link close droneId={} reason={}", link.droneId(), e.toString());
            }
        });
    }
}
