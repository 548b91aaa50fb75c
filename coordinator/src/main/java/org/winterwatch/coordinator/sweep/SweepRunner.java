package org.winterwatch.coordinator.sweep;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.coordinator.fleet.FleetSupervisor;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.missions.sweep.SortieState;
import org.winterwatch.missions.sweep.Sweep;
import org.winterwatch.missions.fleet.ColdDerate;
import org.winterwatch.missions.sweep.SweepRepository;
import org.winterwatch.missions.sweep.Transition;

/**
 * Owns every open sweep from launch to its last site, on one thread: launches, aborts and recalls arrive as
 * commands; ten times a second {@link SweepFlights} reads each drone's state and moves its sortie on. Every change is
 * stored with its transitions before the next command is taken; a change the database refused is kept and stored
 * again on the next tick. On start the open sweeps are read
 * back and their drones watched again, whatever they did meanwhile.
 */
public final class SweepRunner implements SweepControl, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SweepRunner.class);
    static final long TICK_MS = 100;

    private final SweepRepository repository;
    private final FleetSupervisor fleet;
    private final SweepPlanning planning;
    private final Clock clock;
    private final ScheduledExecutorService loop;
    /** Where the routing solver runs, off the loop (sweeps over a fleet file's bases). */
    private final ExecutorService solver;
    private final SortiePilot pilot;
    private final SweepJournal journal;
    private final SweepFlights flights;

    /** Planning for a mild night: batteries at their rated endurance. */
    public SweepRunner(SweepRepository repository, FleetSupervisor fleet, SiteLayer layer, SweepSettings settings,
                       Clock clock, ScheduledExecutorService loop) {
        this(repository, fleet, layer, settings, () -> ColdDerate.MILD_C, clock, loop, Executors.newSingleThreadExecutor());
    }

    /**
     * @param ambientTempC the weather in force: every sortie is planned on the battery this cold leaves
     * @param loop         the runner's one thread
     * @param solver       where the routing solver runs when the settings have a fleet file; shut down on close
     */
    public SweepRunner(SweepRepository repository, FleetSupervisor fleet, SiteLayer layer, SweepSettings settings,
                       DoubleSupplier ambientTempC, Clock clock, ScheduledExecutorService loop, ExecutorService solver) {
        this.repository = repository;
        this.fleet = fleet;
        this.solver = solver;
        this.planning = new SweepPlanning(layer, settings.fleet(), ambientTempC, ColdDerate.SIMULATOR,
                settings.fleetFile() == null ? null : new BasedFleet(settings.fleetFile(), settings.solverTime()));
        this.clock = clock;
        this.loop = loop;
        this.pilot = new SortiePilot(fleet, planning, NoFlyFences.of(layer), loop::execute);
        this.journal = new SweepJournal(repository);
        this.flights = new SweepFlights(fleet, planning, new SortieWatch(settings.watch()), pilot, journal, clock);
    }

    /** Reads the open sweeps back, then watches and flies them until {@link #close()}. */
    public SweepRunner start() throws SQLException {
        List<Sweep> open = repository.open();
        call(() -> {
            for (Sweep sweep : open) {
                flights.resume(sweep);
                LOG.info("sweep resumed sweepId={} state={} unfinishedSites={}", sweep.id(), sweep.state().wireName(),
                        sweep.unfinishedSites().size());
            }
            return null;
        }).join();
        loop.scheduleWithFixedDelay(this::tickSafely, 0, TICK_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Checks and plans a sweep, stores it, and starts flying it. With a fleet file the routing solver shares the
     * sites on its own thread, the chosen drones held meanwhile, so that drones in the air are watched all along.
     */
    @Override
    public CompletableFuture<SweepAnswer> launch(SweepRequest request, String createdBy) {
        CompletableFuture<CompletableFuture<SweepAnswer>> asked = call(() -> {
            String id = "s-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            if (!planning.solves()) {
                return CompletableFuture.completedFuture(store(SweepLaunch.plan(id, request, createdBy,
                        clock.instant(), planning, fleet.states(), busy())));
            }
            SweepLaunch.Outcome outcome = SweepLaunch.choose(request, planning, fleet.states(), busy());
            if (!(outcome instanceof SweepLaunch.Chosen chosen)) {
                return CompletableFuture.completedFuture(store(outcome));
            }
            List<String> droneIds = chosen.droneIds();
            droneIds.forEach(d -> pilot.hold(id, d)); // no inspection takes them while the solver works
            SweepPlanning at = planning.atAltitude(chosen.altitudeM());
            return CompletableFuture.supplyAsync(() -> at.solve(request.siteIds(), droneIds), solver)
                    .handleAsync((assignment, error) -> {
                        droneIds.forEach(pilot::release);
                        if (error != null) {
                            Throwable cause = error instanceof CompletionException c
                                    && c.getCause() != null ? c.getCause() : error;
                            LOG.warn("sweep not planned sweepId={} reason={}", id, cause.toString());
                            return store(cause instanceof IllegalArgumentException ? SweepLaunch.invalid(cause.getMessage())
                                    : SweepLaunch.unavailable("the solver failed: " + cause));
                        }
                        return store(SweepLaunch.planned(id, createdBy, clock.instant(), chosen, assignment));
                    }, loop);
        });
        return asked.thenCompose(answer -> answer);
    }

    /** Stores a planned sweep and starts flying it; on the runner's thread. */
    private SweepAnswer store(SweepLaunch.Outcome outcome) {
        if (outcome instanceof SweepLaunch.Rejected rejected) {
            return rejected.refused();
        }
        Sweep sweep = ((SweepLaunch.Planned) outcome).sweep();
        try {
            journal.create(sweep);
        } catch (SQLException e) {
            return SweepAnswer.Refused.of(SweepAnswer.Why.UNAVAILABLE, "the sweep was not stored: " + e.getMessage());
        }
        flights.add(sweep);
        LOG.info("sweep launched sweepId={} by={} sites={} drones={}", sweep.id(), sweep.createdBy(),
                sweep.sites().size(), sweep.droneIds());
        return new SweepAnswer.Done(SweepJson.of(sweep).toString(), sweep.id(), true);
    }

    /** Stops a sweep: drones in the air return, nothing more is flown. */
    @Override
    public CompletableFuture<SweepAnswer> abort(String sweepId, String by) {
        return call(() -> {
            Sweep sweep = flights.get(sweepId);
            if (sweep == null || !sweep.state().isOpen()) {
                Optional<Sweep> stored = sweep != null ? Optional.of(sweep) : repository.find(sweepId);
                return stored.<SweepAnswer>map(s -> SweepAnswer.Refused.of(SweepAnswer.Why.CONFLICT,
                                "sweep " + sweepId + " has already ended: " + s.state().wireName()))
                        .orElse(SweepAnswer.Refused.of(SweepAnswer.Why.NOT_FOUND, "no sweep '" + sweepId + "'"));
            }
            Instant now = clock.instant();
            sweep.abort(now, "aborted by " + by);
            sweep.sorties().stream().filter(s -> s.state() == SortieState.RETURNING)
                    .forEach(s -> flights.sendHome(s.droneId()));
            flights.save(sweep);
            LOG.info("sweep aborted sweepId={} by={}", sweepId, by);
            return new SweepAnswer.Done(SweepJson.of(sweep).toString(), sweepId, false);
        });
    }

    /** Brings a drone home; a drone in a sweep leaves it, and its sites go to the others. */
    @Override
    public CompletableFuture<SweepAnswer> recall(String droneId, String by) {
        CompletableFuture<CompletableFuture<SweepAnswer>> asked = call(() -> {
            if (fleet.link(droneId).isEmpty()) {
                return CompletableFuture.<SweepAnswer>completedFuture(
                        SweepAnswer.Refused.of(SweepAnswer.Why.NOT_FOUND, "no drone '" + droneId + "'"));
            }
            String sweepId = null;
            for (Sweep sweep : flights.all()) {
                if (sweep.state().isOpen() && sweep.activeDrones().contains(droneId)) {
                    flights.drop(sweep, droneId, "recalled by " + by, clock.instant());
                    flights.save(sweep);
                    sweepId = sweep.id();
                }
            }
            return pilot.returnHome(droneId, sweepId);
        });
        return asked.thenCompose(answer -> answer);
    }

    /** The sweep as the API shows it, from memory while it runs, else as stored. */
    @Override
    public CompletableFuture<Optional<String>> json(String sweepId) {
        return call(() -> {
            Sweep sweep = flights.get(sweepId);
            Optional<Sweep> found = sweep != null ? Optional.of(sweep) : repository.find(sweepId);
            return found.map(s -> SweepJson.of(s).toString());
        });
    }

    /** The latest sweeps, most recent first, without their sites and sorties. */
    @Override
    public CompletableFuture<String> listJson(int limit) {
        return call(() -> {
            List<Sweep> stored = new ArrayList<>(repository.recent(limit));
            stored.replaceAll(s -> flights.get(s.id()) != null ? flights.get(s.id()) : s);
            return SweepJson.list(stored);
        });
    }

    /** Called on the runner's thread with every change of every sweep, as it is stored. */
    public void onTransition(Consumer<Transition> listener) {
        journal.onTransition(listener);
    }

    /** Called on the runner's thread after every change of a sweep with the sweep as the API shows it. */
    public void onSweepChanged(Consumer<String> sweepJson) {
        journal.onChange(sweep -> sweepJson.accept(SweepJson.of(sweep).toString()));
    }

    /** Per drone in a running sweep: its sweep, sortie and sites done. */
    public Map<String, DroneProgress> progress() {
        return flights.progress();
    }

    private Map<String, String> busy() {
        Map<String, String> busy = new HashMap<>(fleet.busyDrones());
        flights.all().stream().filter(s -> s.state().isOpen())
                .forEach(s -> s.activeDrones().forEach(d -> busy.putIfAbsent(d, "sweep " + s.id())));
        return busy;
    }

    private void tickSafely() {
        try {
            flights.tick(clock.instant());
        } catch (RuntimeException e) {
            LOG.error("sweep tick failed", e);
        }
    }

    private <T> CompletableFuture<T> call(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public void close() {
        solver.shutdownNow();
        loop.shutdownNow();
        pilot.releaseAll();
    }
}
