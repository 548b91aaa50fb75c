package org.winterwatch.missions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
        for (String id : requested(layer, siteIds)) {
            Optional<Site> site = layer.byId(id);
            if (site.isEmpty()) {
                unassigned.add(new UnassignedSite(id, "no such site in the layer"));
            } else if (site.get().isNoFlyZone()) {
                unassigned.add(new UnassignedSite(id, "is a no-fly zone: it is never entered, let alone swept"));
            } else {
                job(site.get(), layer, projection, transit).ifPresentOrElse(job -> {
                    jobs.add(job);
                    coverages.add(job.coverage());
                }, () -> unassigned.add(reasonNotSwept(site.get(), layer, projection, transit)));
            }
        }
        List<Sortie> sorties = new ArrayList<>();
        List<List<Job>> groups = SectorSplit.split(jobs, drones);
        for (int drone = 0; drone < groups.size(); drone++) {
            SortieBuilder builder = new SortieBuilder(drone, parameters, transit, projection);
            for (VisitOrder.Visit visit : VisitOrder.nearestFirst(groups.get(drone), new Coordinate(0, 0))) {
                builder.add(visit.job().siteId(), visit.pathM());
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

    /** The site as a job, or empty when nothing of it can be flown or it is out of reach. */
    private Optional<Job> job(Site site, SiteLayer layer, LocalProjection projection, SafeTransit transit) {
        SiteCoverage coverage = coveragePlanner.plan(site, projection, layer.noFlyZones());
        if (coverage.isEmpty()) {
            return Optional.empty();
        }
        List<Coordinate> pathM = coverage.path().stream().map(projection::toMetres).toList();
        if (farthestRoundTripM(pathM, transit) > SortieBuilder.budgetM(parameters) - SortieBuilder.MIN_PROGRESS_M) {
            return Optional.empty();
        }
        Coordinate anchorM = projection.toMetres(site.anchor());
        double workS = (coverage.lengthM() + anchorM.distance(new Coordinate(0, 0))) / parameters.speedMps();
        return Optional.of(new Job(site.id(), coverage, pathM, anchorM, workS));
    }

    private UnassignedSite reasonNotSwept(Site site, SiteLayer layer, LocalProjection projection, SafeTransit transit) {
        SiteCoverage coverage = coveragePlanner.plan(site, projection, layer.noFlyZones());
        if (coverage.isEmpty()) {
            return new UnassignedSite(site.id(), "lies entirely inside a no-fly zone (or its "
                    + (int) SafeTransit.DEFAULT_MARGIN_M + " m margin)");
        }
        List<Coordinate> pathM = coverage.path().stream().map(projection::toMetres).toList();
        return new UnassignedSite(site.id(), String.format(Locale.ROOT,
                "out of reach: a round trip of %.0f m to its far end exceeds one battery (%.0f s usable at %.1f m/s)",
                farthestRoundTripM(pathM, transit), parameters.usableSortieS(), parameters.speedMps()));
    }

    private static double farthestRoundTripM(List<Coordinate> pathM, SafeTransit transit) {
        Coordinate home = new Coordinate(0, 0);
        Coordinate farthest = pathM.stream().max((a, b) -> Double.compare(a.distance(home), b.distance(home)))
                .orElseThrow();
        return SortieBuilder.length(transit.route(home, farthest)) + SortieBuilder.length(transit.route(farthest, home));
    }
}
