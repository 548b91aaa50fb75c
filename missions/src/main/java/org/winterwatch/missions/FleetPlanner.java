package org.winterwatch.missions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.CoveragePlanner;
import org.winterwatch.geo.coverage.SiteCoverage;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.geo.transit.SafeTransit;
import org.winterwatch.missions.fleet.Fleet;

/**
 * Plans a sweep of many sites by a fleet: coverage per site, sites shared among the drones, and each drone's work
 * cut into sorties that fit one battery. Two ways to share: the solver over a fleet of several bases
 * ({@link #plan(SiteLayer, List, FleetRequest, PlanProgress)}), and the older sector split from one home
 * ({@link #plan(SiteLayer, List, int, LatLon)}).
 *
 * <p>Plain, synchronous and deterministic: the same layer, sites and fleet give the same plan (the solver's unless
 * its time limit cuts it short). Sites that cannot be swept come back as {@link UnassignedSite}s with a reason.
 */
public final class FleetPlanner {

    /** The base of every drone in a plan from one home. */
    public static final String ONE_BASE = "home";

    private final FleetParameters parameters;
    private final CoveragePlanner coveragePlanner;
    private final Clock clock;

    /** A planner whose solver's time limit runs on the system clock. */
    public FleetPlanner(FleetParameters parameters) {
        this(parameters, Clock.systemUTC());
    }

    /** @param clock bounds the solver's search ({@link #plan(SiteLayer, List, FleetRequest, PlanProgress)}) */
    public FleetPlanner(FleetParameters parameters, Clock clock) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.coveragePlanner = new CoveragePlanner(parameters.coverage());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public FleetParameters parameters() {
        return parameters;
    }

    /**
     * Plans {@code siteIds} for {@code request}'s fleet: coverage per site as ever, then the solver decides which
     * drone flies which site, on which sortie and in what order, from each drone's own base, each sortie within the
     * drone's battery derated for the night's cold, the last landing as early as it can ({@link FleetSolving}).
     * Speed, endurance and reserve come from the fleet; this planner's parameters give the coverage.
     *
     * @param siteIds sites to sweep; {@code null} or empty means every patrol site of the layer
     */
    public FleetPlan plan(SiteLayer layer, List<String> siteIds, FleetRequest request, PlanProgress progress) {
        return new FleetSolving(parameters.coverage(), coveragePlanner, clock).plan(layer, siteIds, request, progress);
    }

    /**
     * The sector split from one home (kept for sweeps launched by {@code serve} and as the benchmark's baseline):
     * sites shared among {@code drones} drones as contiguous sectors of bearing around {@code home}, each flown
     * nearest-first and cut into sorties of {@link FleetParameters#usableSortieS()}.
     *
     * @param siteIds sites to sweep; {@code null} or empty means every patrol site of the layer
     * @param drones  number of drones, at least 1
     * @param home    take-off and landing point of every drone
     */
    public FleetPlan plan(SiteLayer layer, List<String> siteIds, int drones, LatLon home) {
        return plan(layer, siteIds, drones, home, PlanProgress.NONE);
    }

    /** As {@link #plan(SiteLayer, List, int, LatLon)}, telling {@code progress} as each site is planned. */
    public FleetPlan plan(SiteLayer layer, List<String> siteIds, int drones, LatLon home, PlanProgress progress) {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(home, "home");
        if (drones < 1) {
            throw new IllegalArgumentException("drones must be at least 1, was " + drones);
        }
        LocalProjection projection = LocalProjection.centredOn(home);
        SafeTransit transit = SafeTransit.around(layer.noFlyZones(), projection, SafeTransit.DEFAULT_MARGIN_M);
        if (transit.isInsideZone(new Coordinate(0, 0))) {
            throw new IllegalArgumentException("home " + home + " lies inside a no-fly zone");
        }
        List<UnassignedSite> unassigned = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        List<SiteCoverage> coverages = new ArrayList<>();
        List<String> requested = SiteCoverages.requested(layer, siteIds);
        for (SiteCoverages.Outcome outcome
                : SiteCoverages.plan(requested, layer, coveragePlanner, projection, transit, progress)) {
            if (outcome instanceof SiteCoverages.Refused refused) {
                unassigned.add(refused.site());
            } else if (outcome instanceof SiteCoverages.Covered covered) {
                Optional<UnassignedSite> far = outOfReach(covered, transit);
                if (far.isPresent()) {
                    unassigned.add(far.get());
                } else {
                    Job job = job(covered, projection);
                    jobs.add(job);
                    coverages.add(job.coverage());
                }
            }
        }
        List<Sortie> sorties = new ArrayList<>();
        List<List<Job>> groups = SectorSplit.split(jobs, drones);
        for (int drone = 0; drone < groups.size(); drone++) {
            SortieBuilder builder = new SortieBuilder(drone, parameters, transit, projection);
            for (VisitOrder.Visit visit : VisitOrder.nearestFirst(groups.get(drone), new Coordinate(0, 0))) {
                builder.add(visit.job().siteId(), visit.pathM(), visit.job().coverage().dwellS());
            }
            sorties.addAll(builder.finish());
            unassigned.addAll(builder.unassigned());
        }
        List<String> partly = unassigned.stream().map(UnassignedSite::siteId).toList();
        List<SiteCoverage> flown = coverages.stream()
                .filter(c -> !partly.contains(c.siteId()) || sorties.stream().anyMatch(s -> s.siteIds().contains(c.siteId())))
                .toList();
        List<PlannedDrone> planned = new ArrayList<>();
        for (int d = 1; d <= drones; d++) {
            planned.add(new PlannedDrone("drone-" + d, ONE_BASE, home, parameters.usableSortieS()));
        }
        return new FleetPlan(sorties, flown, unassigned, planned, Fleet.DEFAULT_SWAP_MIN * 60);
    }

    /** Out of reach when one battery does not take a drone from home to the far end of the sweep and back. */
    private Optional<UnassignedSite> outOfReach(SiteCoverages.Covered covered, SafeTransit transit) {
        double roundTripM = farthestRoundTripM(covered.pathM(), transit);
        if (roundTripM + covered.coverage().dwellS() * parameters.speedMps()
                > SortieBuilder.budgetM(parameters) - SortieBuilder.MIN_PROGRESS_M) {
            return Optional.of(new UnassignedSite(covered.site().id(), String.format(Locale.ROOT,
                    "out of reach: a round trip of %.0f m to its far end exceeds one battery (%.0f s usable at %.1f m/s)",
                    roundTripM, parameters.usableSortieS(), parameters.speedMps())));
        }
        return Optional.empty();
    }

    private Job job(SiteCoverages.Covered covered, LocalProjection projection) {
        Coordinate anchorM = projection.toMetres(covered.site().anchor());
        SiteCoverage coverage = covered.coverage();
        double workS = (coverage.lengthM() + anchorM.distance(new Coordinate(0, 0))) / parameters.speedMps()
                + coverage.dwellS();
        return new Job(covered.site().id(), coverage, covered.pathM(), anchorM, workS);
    }

    private static double farthestRoundTripM(List<Coordinate> pathM, SafeTransit transit) {
        Coordinate home = new Coordinate(0, 0);
        Coordinate farthest = pathM.stream().max((a, b) -> Double.compare(a.distance(home), b.distance(home)))
                .orElseThrow();
        return SortieBuilder.length(transit.route(home, farthest)) + SortieBuilder.length(transit.route(farthest, home));
    }
}
