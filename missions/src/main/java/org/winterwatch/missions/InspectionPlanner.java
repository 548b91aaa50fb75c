package org.winterwatch.missions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.CoveragePlanner;
import org.winterwatch.geo.coverage.PointSweep;
import org.winterwatch.geo.coverage.SiteCoverage;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;
import org.winterwatch.geo.transit.SafeTransit;

/**
 * Plans a point inspection: one short sortie from where a drone stands to a point (a tip), an orbit
 * around it with the camera on, and back, every leg kept out of the no-fly zones.
 *
 * <p>The orbit is the one {@link CoveragePlanner} flies around point sites (its radius capped so that the
 * point stays in the nadir camera's view); the transit legs are {@link SafeTransit}'s. Plain, synchronous and
 * deterministic; immutable and thread-safe.
 */
public final class InspectionPlanner {

    private static final double EPSILON_M = 1e-6;
    private static final Coordinate LAUNCH = new Coordinate(0, 0);

    private final FleetParameters parameters;
    private final CoveragePlanner coverage;
    private final List<Site> noFlyZones;

    /**
     * @param parameters altitude, orbit radius, camera and speed of inspection sorties (points are always
     *                   orbited, whatever {@code parameters} say about point sites)
     * @param noFlyZones the layer's no-fly zones; other sites in the list are ignored
     */
    public InspectionPlanner(FleetParameters parameters, List<Site> noFlyZones) {
        Objects.requireNonNull(parameters, "parameters");
        this.parameters = new FleetParameters(parameters.coverage().withPointSweep(PointSweep.orbit()),
                parameters.speedMps(), parameters.enduranceMin(), parameters.reserve());
        this.coverage = new CoveragePlanner(this.parameters.coverage(), SafeTransit.DEFAULT_MARGIN_M);
        this.noFlyZones = Objects.requireNonNull(noFlyZones, "noFlyZones").stream().filter(Site::isNoFlyZone).toList();
    }

    public FleetParameters parameters() {
        return parameters;
    }

    /** The radius actually flown around the point (the configured one, capped to keep the point in view). */
    public double orbitRadiusM() {
        return coverage.effectiveOrbitRadiusM();
    }

    /** The first no-fly zone (in layer order) that contains {@code point}, edge included. */
    public Optional<String> noFlyZoneAt(LatLon point) {
        LocalProjection projection = LocalProjection.centredOn(point);
        SafeTransit transit = SafeTransit.around(noFlyZones, projection, SafeTransit.DEFAULT_MARGIN_M);
        return transit.zoneIdsOverlapping(projection.factory().createPoint(LAUNCH)).stream().findFirst();
    }

    /**
     * The inspection sortie of drone {@code droneIndex} standing at {@code launch}: take-off there, transit
     * to the orbit, once around {@code point} with the camera on, back to {@code launch} (its last waypoint).
     *
     * @param targetId what is inspected (an alert id); the sortie's only site id
     */
    public Result plan(String targetId, int droneIndex, LatLon launch, LatLon point) {
        Objects.requireNonNull(launch, "launch");
        Objects.requireNonNull(point, "point");
        Optional<String> zone = noFlyZoneAt(point);
        if (zone.isPresent()) {
            return new Result.Refused("the point is inside no-fly zone " + zone.get());
        }
        LocalProjection projection = LocalProjection.centredOn(launch);
        SafeTransit transit = SafeTransit.around(noFlyZones, projection, SafeTransit.DEFAULT_MARGIN_M);
        if (transit.isInsideZone(LAUNCH)) {
            return new Result.Refused("the drone stands inside no-fly zone "
                    + String.join(", ", transit.zoneIdsOverlapping(projection.factory().createPoint(LAUNCH))));
        }
        Site target = Site.of(targetId, targetId, SiteCategory.OTHER,
                projection.factory().createPoint(new Coordinate(point.lon(), point.lat())));
        SiteCoverage orbit = coverage.plan(target, projection, transit);
        if (orbit.isEmpty()) {
            return new Result.Refused(String.format(Locale.ROOT,
                    "no part of the orbit around the point keeps the %.0f m margin from no-fly zone %s",
                    SafeTransit.DEFAULT_MARGIN_M, String.join(", ", orbit.noFlyZoneIds())));
        }
        List<Coordinate> orbitM = startingNearest(orbit.path().stream().map(projection::toMetres).toList());
        return new Result.Planned(sortie(targetId, droneIndex, orbitM, transit, projection));
    }

    private Sortie sortie(String targetId, int droneIndex, List<Coordinate> orbitM, SafeTransit transit,
                          LocalProjection projection) {
        record Leg(Coordinate to, boolean cameraOn) { }
        List<Leg> legs = new ArrayList<>();
        List<Coordinate> out = transit.route(LAUNCH, orbitM.get(0));
        for (int i = 1; i < out.size() - 1; i++) {
            legs.add(new Leg(out.get(i), false));
        }
        orbitM.forEach(c -> legs.add(new Leg(c, true)));
        List<Coordinate> back = transit.route(orbitM.get(orbitM.size() - 1), LAUNCH);
        for (int i = 1; i < back.size(); i++) {
            legs.add(new Leg(back.get(i), false));
        }
        if (legs.get(legs.size() - 1).to().distance(LAUNCH) > EPSILON_M) {
            legs.add(new Leg(LAUNCH, false));
        }
        double altitudeM = parameters.coverage().altitudeM();
        double lengthM = 0;
        Coordinate at = LAUNCH;
        List<Waypoint> waypoints = new ArrayList<>();
        for (Leg leg : legs) {
            lengthM += at.distance(leg.to());
            at = leg.to();
            LatLon p = projection.toLatLon(leg.to());
            waypoints.add(new Waypoint(p.lat(), p.lon(), altitudeM, parameters.speedMps(), leg.cameraOn(),
                    leg.cameraOn() ? targetId : null));
        }
        return new Sortie(droneIndex, 1, waypoints, List.of(targetId), lengthM, parameters.durationS(lengthM));
    }

    /** A closed orbit turned to begin at its vertex nearest the launch point; a cut one is left as it is. */
    private static List<Coordinate> startingNearest(List<Coordinate> orbit) {
        int n = orbit.size() - 1;
        if (n < 3 || orbit.get(0).distance(orbit.get(n)) > EPSILON_M) {
            return orbit;
        }
        int nearest = 0;
        for (int i = 1; i < n; i++) {
            if (orbit.get(i).distance(LAUNCH) < orbit.get(nearest).distance(LAUNCH)) {
                nearest = i;
            }
        }
        List<Coordinate> turned = new ArrayList<>(n + 1);
        for (int i = 0; i <= n; i++) {
            turned.add(orbit.get((nearest + i) % n));
        }
        return turned;
    }

    /** A planned inspection sortie, or why none can be flown. */
    public sealed interface Result {

        /** The sortie to fly. */
        record Planned(Sortie sortie) implements Result {
            public Planned {
                Objects.requireNonNull(sortie, "sortie");
            }
        }

        /** No sortie: the reason, for a person (e.g. "the point is inside no-fly zone nfz-1"). */
        record Refused(String reason) implements Result {
            public Refused {
                if (reason == null || reason.isBlank()) {
                    throw new IllegalArgumentException("a refusal needs a reason");
                }
            }
        }
    }
}
