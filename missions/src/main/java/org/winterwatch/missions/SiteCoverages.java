package org.winterwatch.missions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.locationtech.jts.geom.Coordinate;
import org.winterwatch.geo.coverage.CoveragePlanner;
import org.winterwatch.geo.coverage.SiteCoverage;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.geo.transit.SafeTransit;

/**
 * The coverage path of every requested site, planned in parallel and returned in the order asked, or why a site has
 * none (not in the layer, a no-fly zone, inside one). Whether a drone can reach it is the caller's question.
 */
final class SiteCoverages {

    /** A site with a path to sweep, or the reason it has none. */
    sealed interface Outcome permits Covered, Refused {
    }

    /** A site with its coverage path, in WGS 84 and in metres. */
    record Covered(Site site, SiteCoverage coverage, List<Coordinate> pathM) implements Outcome {
        Covered {
            pathM = List.copyOf(pathM);
        }
    }

    record Refused(UnassignedSite site) implements Outcome {
    }

    private SiteCoverages() {
    }

    /** {@code siteIds} without repeats, or every patrol site of the layer when {@code null} or empty. */
    static List<String> requested(SiteLayer layer, List<String> siteIds) {
        if (siteIds == null || siteIds.isEmpty()) {
            return layer.patrolSites().stream().map(Site::id).toList();
        }
        return List.copyOf(new LinkedHashSet<>(siteIds));
    }

    static List<Outcome> plan(List<String> requested, SiteLayer layer, CoveragePlanner planner,
                              LocalProjection projection, SafeTransit transit, PlanProgress progress) {
        AtomicInteger planned = new AtomicInteger();
        return requested.parallelStream().map(id -> {
            Outcome outcome = outcome(id, layer, planner, projection, transit);
            progress.sitesPlanned(planned.incrementAndGet(), requested.size());
            return outcome;
        }).toList();
    }

    private static Outcome outcome(String id, SiteLayer layer, CoveragePlanner planner, LocalProjection projection,
                                   SafeTransit transit) {
        Optional<Site> site = layer.byId(id);
        if (site.isEmpty()) {
            return new Refused(new UnassignedSite(id, "no such site in the layer"));
        }
        if (site.get().isNoFlyZone()) {
            return new Refused(new UnassignedSite(id, "is a no-fly zone: it is never entered, let alone swept"));
        }
        SiteCoverage coverage = planner.plan(site.get(), projection, transit);
        if (coverage.isEmpty()) {
            String zones = coverage.noFlyZoneIds().isEmpty() ? "" : " (" + String.join(", ", coverage.noFlyZoneIds()) + ")";
            return new Refused(new UnassignedSite(id, "lies entirely inside a no-fly zone" + zones + " or its "
                    + (int) SafeTransit.DEFAULT_MARGIN_M + " m margin"));
        }
        return new Covered(site.get(), coverage, coverage.path().stream().map(projection::toMetres).toList());
    }
}
