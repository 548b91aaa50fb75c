package org.winterwatch.coordinator.sweep;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.coordinator.fleet.FleetSupervisor;
import org.winterwatch.drone.DroneState;
import org.winterwatch.missions.sweep.SortieState;
import org.winterwatch.missions.sweep.Sweep;
import org.winterwatch.missions.sweep.SweepSite;
import org.winterwatch.missions.sweep.SweepSortie;

/**
 * The open sweeps in flight, for the {@link SweepRunner} and on its thread: each tick reads every drone's state, moves
 * its sortie on ({@link SortieWatch} says what the state means, {@link SortiePilot} flies), drops a drone that is
 * lost or failing and hands its sites to the others, and stores every change through the journal.
 */
final class SweepFlights {

    private static final Logger LOG = LoggerFactory.getLogger(SweepFlights.class);

    private final FleetSupervisor fleet;
    private final SweepPlanning planning;
    private final SortieWatch watch;
    private final SortiePilot pilot;
    private final SweepJournal journal;
    private final Clock clock;
    private final Map<String, Sweep> running = new LinkedHashMap<>();
    private final Map<String, SortieWatch.Track> tracks = new HashMap<>();
    private final Set<String> sendHome = new HashSet<>();
    private final Map<String, DroneProgress> progress = new ConcurrentHashMap<>();

    SweepFlights(FleetSupervisor fleet, SweepPlanning planning, SortieWatch watch, SortiePilot pilot,
                 SweepJournal journal, Clock clock) {
        this.fleet = fleet;
        this.planning = planning;
        this.watch = watch;
        this.pilot = pilot;
        this.journal = journal;
        this.clock = clock;
    }

    /** A sweep read back after a restart: its drones in open sorties are held, and read afresh on the next tick. */
    void resume(Sweep sweep) {
        running.put(sweep.id(), sweep);
        for (SweepSortie sortie : sweep.sorties()) {
            if (sortie.state().isOpen()) {
                // what the drone did while nobody watched is read from its state on the next tick
                tracks.computeIfAbsent(sortie.droneId(), id -> new SortieWatch.Track()).airborne = null;
                pilot.hold(sweep.id(), sortie.droneId());
            }
        }
    }

    /** A sweep just stored: flown from the next tick. */
    void add(Sweep sweep) {
        running.put(sweep.id(), sweep);
    }

    Sweep get(String sweepId) {
        return running.get(sweepId);
    }

    Collection<Sweep> all() {
        return running.values();
    }

    /** The drone is to be told to return as soon as it can hear us. */
    void sendHome(String droneId) {
        sendHome.add(droneId);
    }

    /** Per drone in a running sweep: its sweep, sortie and sites done (safe from any thread). */
    Map<String, DroneProgress> progress() {
        return Map.copyOf(progress);
    }

    void tick(Instant now) {
        for (Sweep sweep : List.copyOf(running.values())) {
            for (String droneId : sweep.droneIds()) {
                boolean inSweep = sweep.state().isOpen() && !sweep.droppedDrones().contains(droneId);
                if (inSweep || sweep.openSortie(droneId).isPresent()) {
                    follow(sweep, droneId, now);
                }
            }
            sweep.settle(now);
            save(sweep);
            if (!sweep.state().isOpen() && sweep.sorties().stream().noneMatch(s -> s.state().isOpen())
                    && !journal.pending(sweep.id())) {
                running.remove(sweep.id());
                sweep.droneIds().forEach(pilot::release);
                LOG.info("sweep ended sweepId={} state={} reason={}", sweep.id(), sweep.state().wireName(), sweep.reason());
            }
        }
        sendHome.removeIf(droneId -> pilot.sendHomeIfReachable(droneId,
                running.values().stream().anyMatch(s -> s.openSortie(droneId).isPresent())));
        publishProgress();
    }

    private void follow(Sweep sweep, String droneId, Instant now) {
        DroneState state = fleet.link(droneId).map(l -> l.state()).orElse(DroneState.unknown(droneId, now));
        SortieWatch.Track track = tracks.computeIfAbsent(droneId, id -> new SortieWatch.Track());
        pilot.settleRecovered(sweep, state, now);
        SweepSortie sortie = sweep.openSortie(droneId).orElse(null);
        for (SortieWatch.Finding finding : watch.observe(sortie, state, track, now)) {
            if (finding instanceof SortieWatch.SiteDone done) {
                if (sweep.siteSwept(done.siteId(), droneId, now)) {
                    LOG.info("site swept sweepId={} siteId={} droneId={}", sweep.id(), done.siteId(), droneId);
                }
            } else if (finding instanceof SortieWatch.HeadingHome) {
                sweep.returning(droneId, now, null);
            } else if (finding instanceof SortieWatch.NotFlown) {
                sweep.sortieFailed(droneId, now, "the coordinator restarted before the take-off");
                track.airborne = false;
                pilot.release(droneId);
            } else if (finding instanceof SortieWatch.Landed) {
                sweep.landed(droneId, now);
                track.airborne = false;
                pilot.release(droneId);
            } else if (finding instanceof SortieWatch.DropOut out && !sweep.droppedDrones().contains(droneId)) {
                drop(sweep, droneId, out.why(), now);
                if (out.sendHome()) {
                    sendHome.add(droneId);
                }
            }
        }
        if (sweep.state().isOpen() && !sweep.droppedDrones().contains(droneId) && sweep.openSortie(droneId).isEmpty()) {
            pilot.startNext(sweep, state, track, now, this::started);
        }
    }

    /** The async start of a sortie has come back (on the loop thread). */
    private void started(String sweepId, String droneId, String failure, boolean verification) {
        Sweep sweep = running.get(sweepId);
        if (sweep == null) {
            return;
        }
        Instant now = clock.instant();
        SweepSortie sortie = sweep.openSortie(droneId).orElse(null);
        SortieWatch.Track track = tracks.computeIfAbsent(droneId, id -> new SortieWatch.Track());
        if (sortie == null || sortie.state() != SortieState.UPLOADING) {
            if (failure == null) {
                sendHome.add(droneId); // aborted or dropped while it was being started: it must not fly the sweep
            }
            return;
        }
        if (failure == null) {
            sweep.flying(droneId, now);
            track.airborne = false;
            track.failedStarts = 0;
            LOG.info("sortie flying sweepId={} sortie={} sites={}", sweepId, sortie.key(), sortie.siteIds());
        } else if (verification) {
            drop(sweep, droneId, "the mission upload failed verification: " + failure, now);
        } else {
            track.failedStarts++;
            sweep.sortieFailed(droneId, now, failure);
            pilot.release(droneId);
            if (track.failedStarts >= SortiePilot.MAX_FAILED_STARTS) {
                drop(sweep, droneId, track.failedStarts + " sorties in a row failed to start: " + failure, now);
            }
        }
        save(sweep);
    }

    /** The drone leaves the sweep; its unfinished sites are shared among the drones still in it. */
    void drop(Sweep sweep, String droneId, String why, Instant now) {
        List<String> others = sweep.activeDrones().stream().filter(d -> !d.equals(droneId)).toList();
        List<String> theirs = sweep.sites().stream()
                .filter(s -> !s.state().isFinished() && droneId.equals(s.droneId())).map(SweepSite::siteId).toList();
        List<DroneState> placed = others.stream().flatMap(d -> fleet.link(d).stream()).map(l -> l.state())
                .filter(DroneState::positionKnown).toList();
        Map<String, String> to = planning.atAltitude(sweep.altitudeM()).handOver(theirs, others, placed);
        sweep.dropDrone(droneId, now, why, to);
        pilot.release(droneId);
        LOG.warn("drone dropped out sweepId={} droneId={} reason={} sitesHandedOver={}", sweep.id(), droneId, why, to.size());
    }

    void save(Sweep sweep) {
        journal.save(sweep);
    }

    private void publishProgress() {
        Map<String, DroneProgress> now = new HashMap<>();
        running.values().forEach(sweep -> now.putAll(DroneProgress.of(sweep)));
        progress.keySet().retainAll(now.keySet());
        progress.putAll(now);
    }

}
