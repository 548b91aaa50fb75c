package org.winterwatch.geo.site;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.projection.LocalProjection;

/** An ordered set of sites with unique ids: what a patrol area is made of. */
public record SiteLayer(List<Site> sites) {

    public SiteLayer {
        sites = List.copyOf(Objects.requireNonNull(sites, "sites"));
        Set<String> seen = new HashSet<>();
        for (Site site : sites) {
            if (!seen.add(site.id())) {
                throw new IllegalArgumentException("duplicate site id " + site.id());
            }
        }
    }

    /** Sites to patrol: everything except no-fly zones, in layer order. */
    public List<Site> patrolSites() {
        return sites.stream().filter(s -> !s.isNoFlyZone()).toList();
    }

    public List<Site> noFlyZones() {
        return sites.stream().filter(Site::isNoFlyZone).toList();
    }

    public Optional<Site> byId(String id) {
        return sites.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Mean of the patrol sites' anchors: a reasonable default launch point. */
    public LatLon centroid() {
        List<Site> patrol = patrolSites();
        if (patrol.isEmpty()) {
            throw new IllegalStateException("the layer has no patrol sites");
        }
        double lat = patrol.stream().mapToDouble(s -> s.anchor().lat()).average().orElseThrow();
        double lon = patrol.stream().mapToDouble(s -> s.anchor().lon()).average().orElseThrow();
        return new LatLon(lat, lon);
    }

    /** The patrol site closest to {@code p}, measured to its geometry in metres, if within {@code withinM}. */
    public Optional<Site> nearestSite(LatLon p, double withinM) {
        LocalProjection projection = LocalProjection.centredOn(p);
        Geometry here = projection.toMetres(projection.factory().createPoint(new Coordinate(p.lon(), p.lat())));
        record Candidate(Site site, double distanceM) { }
        return patrolSites().stream()
                .map(s -> new Candidate(s, projection.toMetres(s.geometry()).distance(here)))
                .filter(c -> c.distanceM() <= withinM)
                .min(Comparator.comparingDouble(Candidate::distanceM))
                .map(Candidate::site);
    }
}
