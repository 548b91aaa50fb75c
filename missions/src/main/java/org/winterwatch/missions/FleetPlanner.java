package org.winterwatch.missions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.locationtech.jts.geom.Coordinate;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.CoveragePlanner;
import org.winterwatch.geo.coverage.SiteCoverage;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.geo.transit.SafeTransit;

/**
 * Plans a sweep of many sites by a fleet: coverage per site, sites shared among drones as sectors
 * around home, and each drone's work cut into sorties that fit one battery.
 *
 * <p>Plain, synchronous and deterministic: the same layer, sites, fleet and home give the same plan.
 * Sites that cannot be swept come back as {@link UnassignedSite}s with a reason.
 */
public final class FleetPlanner {

    private final FleetParameters parameters;
    private final CoveragePlanner coveragePlanner;

    public FleetPlanner(FleetParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.coveragePlanner = new CoveragePlanner(parameters.coverage());
    }

    public FleetParameters parameters() {
        return parameters;
    }

    /**
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
        List<String> requested = requested(layer, siteIds);
        // sites are planned independently, so in parallel; results are used in the layer's order
        AtomicInteger planned = new AtomicInteger();
        List<Object> outcomes = requested.parallelStream().map(id -> {
            Object outcome = outcome(id, layer, projection, transit);
            progress.sitesPlanned(planned.incrementAndGet(), requested.size());
            return outcome;
        }).toList();
        for (Object outcome : outcomes) {
            if (outcome instanceof Job job) {
                jobs.add(job);
                coverages.add(job.coverage());
            } else {
                unassigned.add((UnassignedSite) outcome);
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
        return new FleetPlan(sorties, flown, unassigned, home);
    }

    private static List<String> requested(SiteLayer layer, List<String> siteIds) {
        if (siteIds == null || siteIds.isEmpty()) {
            return layer.patrolSites().stream().map(Site::id).toList();
        }
        return List.copyOf(new LinkedHashSet<>(siteIds));
    }

    /** A {@link Job} for a site that can be swept, else the {@link UnassignedSite} saying why not. */
    private Object outcome(String id, SiteLayer layer, LocalProjection projection, SafeTransit transit) {
        Optional<Site> site = layer.byId(id);
        if (site.isEmpty()) {
            return new UnassignedSite(id, "no such site in the layer");
        }
        if (site.get().isNoFlyZone()) {
            return new UnassignedSite(id, "is a no-fly zone: it is never entered, let alone swept");
        }
        SiteCoverage coverage = coveragePlanner.plan(site.get(), projection, transit);
        if (coverage.isEmpty()) {
            String zones = coverage.noFlyZoneIds().isEmpty() ? "" : " (" + String.join(", ", coverage.noFlyZoneIds()) + ")";
            return new UnassignedSite(id, "lies entirely inside a no-fly zone" + zones + " or its "
                    + (int) SafeTransit.DEFAULT_MARGIN_M + " m margin");
        }
        List<Coordinate> pathM = coverage.path().stream().map(projection::toMetres).toList();
        double roundTripM = farthestRoundTripM(pathM, transit);
        if (roundTripM + coverage.dwellS() * parameters.speedMps()
                > SortieBuilder.budgetM(parameters) - SortieBuilder.MIN_PROGRESS_M) {
            return new UnassignedSite(id, String.format(Locale.ROOT,
                    "out of reach: a round trip of %.0f m to its far end exceeds one battery (%.0f s usable at %.1f m/s)",
                    roundTripM, parameters.usableSortieS(), parameters.speedMps()));
        }
        Coordinate anchorM = projection.toMetres(site.get().anchor());
        double workS = (coverage.lengthM() + anchorM.distance(new Coordinate(0, 0))) / parameters.speedMps()
                + coverage.dwellS();
        return new Job(id, coverage, pathM, anchorM, workS);
    }

    private static double farthestRoundTripM(List<Coordinate> pathM, SafeTransit transit) {
        Coordinate home = new Coordinate(0, 0);
        Coordinate farthest = pathM.stream().max((a, b) -> Double.compare(a.distance(home), b.distance(home)))
                .orElseThrow();
        return SortieBuilder.length(transit.route(home, farthest)) + SortieBuilder.length(transit.route(farthest, home));
    }
}
