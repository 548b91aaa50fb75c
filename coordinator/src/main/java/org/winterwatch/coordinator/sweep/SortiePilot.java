package org.winterwatch.coordinator.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.coordinator.fleet.FleetSupervisor;
import org.winterwatch.drone.DroneLink;
import org.winterwatch.drone.DroneLinkException;
import org.winterwatch.drone.DroneState;
import org.winterwatch.drone.GeoPoint;
import org.winterwatch.geo.LatLon;
import org.winterwatch.missions.sweep.SortieState;
import org.winterwatch.missions.sweep.Sweep;
import org.winterwatch.missions.sweep.SweepSortie;

/**
 * Flies sorties for the {@link SweepRunner}: holds a drone for its sweep, plans its next sortie from where it stands,
 * sends the no-fly zones and the route, arms and starts it, and brings drones home. Called on the runner's thread;
 * the drone's answers come back on it through the executor.
 */
final class SortiePilot {

    private static final Logger LOG = LoggerFactory.getLogger(SortiePilot.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sorties in a row that fail to start before the drone leaves the sweep. */
    static final int MAX_FAILED_STARTS = 3;
    /** The autopilot refuses to arm a drained battery; the ground crew swaps it after landing. */
    static final double MIN_BATTERY_TO_LAUNCH_PERCENT = 90;

    /** How the start of a sortie came out: {@code failure} null when the drone is on its way. */
    interface Started {
        void started(String sweepId, String droneId, String failure, boolean verification);
    }

    private final FleetSupervisor fleet;
    private final SweepPlanning planning;
    private final List<List<GeoPoint>> noFlyZones;
    private final Executor back;
    private final Map<String, Runnable> held = new HashMap<>();
    private final Set<String> starting = new HashSet<>();
    /** Drones a return command is on its way to. */
    private final Set<String> homing = new HashSet<>();

    SortiePilot(FleetSupervisor fleet, SweepPlanning planning, List<List<GeoPoint>> noFlyZones, Executor back) {
        this.fleet = fleet;
        this.planning = planning;
        this.noFlyZones = List.copyOf(noFlyZones);
        this.back = back;
    }

    /** Holds the drone for the sweep, so that no inspection takes it; false when something else holds it. */
    boolean hold(String sweepId, String droneId) {
        if (held.containsKey(droneId)) {
            return true;
        }
        Optional<Runnable> release = fleet.reserve(droneId, "sweep " + sweepId);
        release.ifPresent(r -> held.put(droneId, r));
        return release.isPresent();
    }

    void release(String droneId) {
        Runnable release = held.remove(droneId);
        if (release != null) {
            release.run();
        }
    }

    void releaseAll() {
        List.copyOf(held.keySet()).forEach(this::release);
    }

    /**
     * A sortie read back after a restart that had not been seen taking off: the drone's own state says whether it
     * is flying the mission it was sent (then it is followed) or never left (then the sortie failed, its sites wait).
     */
    void settleRecovered(Sweep sweep, DroneState state, Instant now) {
        String droneId = state.droneId();
        SweepSortie sortie = sweep.openSortie(droneId).orElse(null);
        if (sortie == null || starting.contains(droneId) || !state.connected()
                || (sortie.state() != SortieState.PLANNED && sortie.state() != SortieState.UPLOADING)) {
            return;
        }
        if (sortie.flight() != null && state.inAir() && state.missionTotal() == sortie.flight().missionTotal()) {
            sweep.flying(droneId, now);
        } else {
            sweep.sortieFailed(droneId, now, "the coordinator restarted before the take-off");
            release(droneId);
        }
    }

    /** Starts the drone's next sortie over the sites waiting for it, when it is ready on the ground. */
    void startNext(Sweep sweep, DroneState state, SortieWatch.Track track, Instant now, Started started) {
        String droneId = state.droneId();
        List<String> waiting = sweep.sitesWaitingFor(droneId);
        if (waiting.isEmpty() || starting.contains(droneId) || !ready(state) || !hold(sweep.id(), droneId)) {
            return;
        }
        SweepPlanning.NextSortie next = planning.atAltitude(sweep.altitudeM())
                .next(droneId, waiting, new LatLon(state.lat(), state.lon()), state.autopilot());
        next.unflyable().forEach((site, why) -> sweep.skipSite(site, now, why));
        if (next.siteIds().isEmpty()) {
            release(droneId);
            return;
        }
        SweepSortie sortie = sweep.planSortie(droneId, next.siteIds(), now);
        sweep.uploading(droneId, next.flight(), now);
        DroneLink link = fleet.link(droneId).orElseThrow();
        starting.add(droneId);
        String sweepId = sweep.id();
        LOG.info("sortie starting sweepId={} sortie={} sites={} points={}", sweepId, sortie.key(), next.siteIds(),
                next.route().size());
        link.uploadNoFlyZones(noFlyZones)
                .thenCompose(v -> link.uploadMission(next.route()))
                .thenCompose(v -> link.arm())
                .thenCompose(v -> link.startMission())
                .whenComplete((v, e) -> back.execute(() -> {
                    starting.remove(droneId);
                    Throwable cause = root(e);
                    boolean verification = cause instanceof DroneLinkException d
                            && d.reason() == DroneLinkException.Reason.MISMATCH;
                    if (cause != null) {
                        LOG.warn("sortie did not start sweepId={} sortie={} reason={}", sweepId, sortie.key(),
                                cause.getMessage());
                    }
                    started.started(sweepId, droneId, cause == null ? null : String.valueOf(cause.getMessage()), verification);
                }));
    }

    /** Tells the drone to return to launch; answers once the vehicle accepted or refused. */
    CompletableFuture<SweepAnswer> returnHome(String droneId, String sweepId) {
        DroneLink link = fleet.link(droneId).orElseThrow();
        return link.returnToLaunch().toCompletableFuture().handle((v, e) -> {
            if (e != null) {
                return SweepAnswer.Refused.of(SweepAnswer.Why.CONFLICT,
                        "drone " + droneId + " did not take the return command: " + root(e).getMessage());
            }
            ObjectNode o = JSON.createObjectNode();
            o.put("droneId", droneId);
            o.put("command", "return");
            o.put("sweepId", sweepId);
            return new SweepAnswer.Done(o.toString(), sweepId, false);
        });
    }

    /**
     * Tells a drone that must not go on flying (its sweep aborted, or it left the sweep) to come home, once it can hear
     * us; a drone still taking off is told too, and a command the vehicle refused is sent again on the next call.
     *
     * @param sortieOpen its sortie has not ended: on the ground and disarmed it may still be about to take off (its
     *                   state lags the start command), so it is watched until the sortie ends
     * @return true when done with it (it is heading home, or on the ground for good); false to call again later
     */
    boolean sendHomeIfReachable(String droneId, boolean sortieOpen) {
        Optional<DroneLink> link = fleet.link(droneId);
        if (link.isEmpty()) {
            return true;
        }
        DroneState state = link.get().state();
        if (!state.connected() || homing.contains(droneId)) {
            return false;
        }
        if ("RETURN_TO_LAUNCH".equals(state.flightMode()) || "LAND".equals(state.flightMode())) {
            return true;
        }
        if (!state.inAir() && !state.armed()) {
            return !sortieOpen;
        }
        LOG.info("drone told to return droneId={}", droneId);
        homing.add(droneId);
        link.get().returnToLaunch().whenComplete((v, e) -> back.execute(() -> {
            homing.remove(droneId);
            if (e != null) {
                LOG.warn("return command refused, will send it again droneId={} reason={}", droneId, root(e).getMessage());
            }
        }));
        return false;
    }

    static boolean ready(DroneState s) {
        return s.connected() && s.positionKnown() && s.homeSet() && !s.inAir() && !s.armed()
                && (Double.isNaN(s.batteryPercent()) || s.batteryPercent() >= MIN_BATTERY_TO_LAUNCH_PERCENT);
    }

    private static Throwable root(Throwable e) {
        Throwable c = e;
        while (c != null && c.getCause() != null && c.getCause() != c
                && (c instanceof java.util.concurrent.CompletionException || c instanceof java.util.concurrent.ExecutionException)) {
            c = c.getCause();
        }
        return c;
    }
}
