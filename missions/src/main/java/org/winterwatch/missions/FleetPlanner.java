package org.winterwatch.missions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.CoveragePlanner;
import org.winterwatch.geo.coverage.SiteCoverage;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

/**
 * Splits the sites of a layer among N drones and turns each drone's share into sorties that fit one battery.
 *
 * <p>Allocation is deliberately simple: sites ordered by bearing from home are cut into contiguous groups of
 * about equal work, and each group is flown nearest-first. Deterministic for the same input.
 */
public final class FleetPlanner {

    private final FleetParameters params;

    public FleetPlanner(FleetParameters params) {
        this.params = params;
    }

    /** Plans {@code siteIds} (null or empty: every patrol site) for {@code drones} drones launched at {@code home}. */
    public FleetPlan plan(SiteLayer layer, List<String> siteIds, int drones, LatLon home) {
        if (drones < 1) {
            throw new IllegalArgumentException("drones must be at least 1, was " + drones);
        }
        LocalProjection proj = LocalProjection.centredOn(home);
        List<Site> noFly = layer.noFlyZones();
        CoveragePlanner coverage = new CoveragePlanner(params.coverage());
        List<UnassignedSite> unassigned = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        List<SiteCoverage> coverages = new ArrayList<>();
        for (Site site : selected(layer, siteIds, unassigned)) {
            SiteCoverage c = coverage.plan(site, proj, noFly);
            if (c.isEmpty()) {
                unassigned.add(new UnassignedSite(site.id(), "lies entirely inside a no-fly zone"));
                continue;
            }
            coverages.add(c);
            List<Coordinate> path = c.path().stream().map(proj::toMetres).toList();
            jobs.add(new Job(site.id(), path, c.lengthM()));
        }
        List<Geometry> zones = noFly.stream().map(z -> proj.toMetres(z.geometry())).toList();
        SortieBuilder builder = new SortieBuilder(params, proj, new TransitRouter(proj.factory(), zones));
        List<Sortie> sorties = new ArrayList<>();
        List<List<Job>> groups = split(jobs, drones);
        for (int d = 0; d < groups.size(); d++) {
            sorties.addAll(builder.build(d, nearestFirst(groups.get(d)), unassigned));
        }
        Set<String> flown = new LinkedHashSet<>();
        sorties.forEach(s -> flown.addAll(s.siteIds()));
        List<SiteCoverage> kept = coverages.stream().filter(c -> flown.contains(c.siteId())).toList();
        return new FleetPlan(sorties, kept, unassigned, home);
    }

    private static List<Site> selected(SiteLayer layer, List<String> siteIds, List<UnassignedSite> unassigned) {
        if (siteIds == null || siteIds.isEmpty()) {
            return layer.patrolSites();
        }
        List<Site> out = new ArrayList<>();
        for (String id : siteIds) {
            layer.byId(id).ifPresentOrElse(site -> {
                if (site.isNoFlyZone()) {
                    unassigned.add(new UnassignedSite(id, "is a no-fly zone"));
                } else {
                    out.add(site);
                }
            }, () -> unassigned.add(new UnassignedSite(id, "no such site in the layer")));
        }
        return out;
    }

    /** Contiguous groups by bearing from home, each with about 1/N of the total work. */
    private static List<List<Job>> split(List<Job> jobs, int drones) {
        List<Job> byBearing = new ArrayList<>(jobs);
        byBearing.sort(Comparator.comparingDouble(Job::bearing).thenComparing(Job::siteId));
        double total = byBearing.stream().mapToDouble(Job::work).sum();
        List<List<Job>> groups = new ArrayList<>();
        for (int i = 0; i < drones; i++) {
            groups.add(new ArrayList<>());
        }
        double done = 0;
        for (Job job : byBearing) {
            int group = (int) Math.min(drones - 1, Math.floor((done + job.work() / 2) / total * drones));
            groups.get(group).add(job);
            done += job.work();
        }
        return groups;
    }

    private static List<Job> nearestFirst(List<Job> group) {
        List<Job> left = new ArrayList<>(group);
        List<Job> ordered = new ArrayList<>();
        Coordinate at = new Coordinate(0, 0);
        while (!left.isEmpty()) {
            Coordinate from = at;
            Job next = left.stream().min(Comparator.comparingDouble((Job j) -> j.start().distance(from))
                    .thenComparing(Job::siteId)).orElseThrow();
            left.remove(next);
            ordered.add(next);
            at = next.end();
        }
        return ordered;
    }

    /** One site's sweep path in metres (home at the origin). */
    record Job(String siteId, List<Coordinate> path, double lengthM) {
        Coordinate start() {
            return path.get(0);
        }

        Coordinate end() {
            return path.get(path.size() - 1);
        }

        double bearing() {
            return Math.atan2(start().y, start().x);
        }

        double work() {
            return lengthM + start().distance(new Coordinate(0, 0));
        }
    }
}
