package org.winterwatch.coordinator.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.drone.DroneLink;
import org.winterwatch.drone.DroneState;
import org.winterwatch.drone.RoutePoint;
import org.winterwatch.missions.FleetPlan;
import org.winterwatch.missions.Sortie;
import org.winterwatch.missions.Waypoint;

/**
 * Flies a fleet plan: for every drone, one sortie after another (upload, arm, start, wait until it has landed).
 *
 * <p>Talks to drones only through {@link DroneLink}. A drone that fails is reported and left alone: the
 * autopilot owns its failsafes, and an operator decides what happens next.
 */
public final class FleetSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetSupervisor.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final double MIN_BATTERY_TO_LAUNCH_PERCENT = 90;

    private final Map<String, DroneLink> links = new LinkedHashMap<>();
    private final Map<String, List<Waiter>> waiters = new LinkedHashMap<>();
    private final List<Consumer<String>> events = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicInteger sortiesFlown = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong flightMillis = new java.util.concurrent.atomic.AtomicLong();

    private record Waiter(Predicate<DroneState> condition, CompletableFuture<DroneState> done) {
    }

    public FleetSupervisor(List<DroneLink> drones) {
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

    /** Receives one human-readable line per fleet event (sortie started, landed, failed). */
    public void onEvent(Consumer<String> listener) {
        events.add(listener);
    }

    public List<String> droneIds() {
        return List.copyOf(links.keySet());
    }

    public List<DroneState> states() {
        return links.values().stream().map(DroneLink::state).toList();
    }

    /** The control room's fleet figures: drones, sorties flown, flight hours (on the coordinator's clock). */
    public Map<String, Object> figures() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("drones", links.size());
        f.put("dronesConnected", links.values().stream().filter(l -> l.state().connected()).count());
        f.put("sortiesFlown", sortiesFlown.get());
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

    /**
     * Flies {@code plan}, drone index i on the i-th configured link; completes when every drone has flown all its
     * sorties or given up.
     */
    public CompletableFuture<Void> fly(FleetPlan plan) {
        List<DroneLink> ordered = List.copyOf(links.values());
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            List<Sortie> sorties = plan.sortiesOf(i);
            DroneLink link = ordered.get(i);
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (Sortie sortie : sorties) {
                chain = chain.thenCompose(ignored -> flySortie(link, sortie));
            }
            all.add(chain.exceptionally(e -> {
                emit(link.droneId() + (closed ? " left as it was: the coordinator is shutting down"
                        : " stopped: " + rootMessage(e)));
                return null;
            }));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    public CompletionStage<Void> returnToLaunch(String droneId) {
        DroneLink link = links.get(droneId);
        if (link == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no drone with id '" + droneId + "'"));
        }
        return link.returnToLaunch();
    }

    private CompletableFuture<Void> flySortie(DroneLink link, Sortie sortie) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the coordinator is shutting down"));
        }
        List<RoutePoint> route = sortie.waypoints().stream().map(FleetSupervisor::toRoutePoint).toList();
        // On the ground, and with a fresh battery: the autopilot refuses to arm a drained one.
        return awaitState(link, s -> s.connected() && !s.inAir() && !s.armed()
                        && (Double.isNaN(s.batteryPercent()) || s.batteryPercent() >= MIN_BATTERY_TO_LAUNCH_PERCENT))
                .thenCompose(s -> link.uploadMission(route))
                .thenCompose(v -> link.arm())
                .thenCompose(v -> link.startMission())
                .thenCompose(v -> {
                    emit(String.format("%s sortie %d started: %d waypoints, %.1f km, sites %s", link.droneId(),
                            sortie.number(), route.size(), sortie.lengthM() / 1000, sortie.siteIds()));
                    return awaitState(link, DroneState::inAir);
                })
                .thenApply(s -> s.updatedAt())
                .thenCompose(takeOff -> awaitState(link, st -> !st.inAir() && !st.armed()).thenApply(s -> {
                    sortiesFlown.incrementAndGet();
                    if (takeOff != null && s.updatedAt() != null) {
                        flightMillis.addAndGet(java.time.Duration.between(takeOff, s.updatedAt()).toMillis());
                    }
                    return s;
                }))
                .thenAccept(s -> emit(String.format("%s sortie %d landed, battery %.0f%%", link.droneId(),
                        sortie.number(), s.batteryPercent())))
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

    static RoutePoint toRoutePoint(Waypoint w) {
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
