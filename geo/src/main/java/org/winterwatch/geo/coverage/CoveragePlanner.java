package org.winterwatch.geo.coverage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.transit.SafeTransit;

/**
 * Plans the camera-on path that covers one site: a lawnmower over areas, a corridor along lines,
 * an orbit around points, with no-fly zones cut out.
 *
 * <p>A site counts as covered where the path buffered by half the swath covers its
 * {@linkplain #targetArea target area}. Immutable and thread-safe.
 */
public final class CoveragePlanner {

    private static final int ORBIT_VERTICES = 36;
    /** Orbits stay this far inside half a swath, so the point itself is in view with room to spare. */
    private static final double ORBIT_VIEW_FRACTION = 0.9;

    private final CoverageParameters parameters;
    private final double marginM;

    public CoveragePlanner(CoverageParameters parameters) {
        this(parameters, SafeTransit.DEFAULT_MARGIN_M);
    }

    /** A planner that keeps {@code noFlyMarginM} metres from every no-fly zone. */
    public CoveragePlanner(CoverageParameters parameters, double noFlyMarginM) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        if (!(noFlyMarginM > 0)) {
            throw new IllegalArgumentException("noFlyMarginM must be > 0, was " + noFlyMarginM);
        }
        this.marginM = noFlyMarginM;
    }

    public CoverageParameters parameters() {
        return parameters;
    }

    /** The radius actually flown around point sites: the configured one, capped so the point stays in view. */
    public double effectiveOrbitRadiusM() {
        return Math.min(parameters.orbitRadiusM(), ORBIT_VIEW_FRACTION * parameters.swathWidthM() / 2);
    }

    /** The camera-on path over {@code site}; never inside any of {@code noFlyZones} (plus margin). */
    public SiteCoverage plan(Site site, LocalProjection proj, List<Site> noFlyZones) {
        Objects.requireNonNull(site, "site");
        if (site.isNoFlyZone()) {
            throw new IllegalArgumentException("site " + site.id() + " is a no-fly zone and is never swept");
        }
        Geometry metres = proj.toMetres(site.geometry());
        double swathM = parameters.swathWidthM();
        List<Coordinate> path = switch (metres.getDimension()) {
            case 2 -> chained(metres, part -> Lawnmower.sweep((Polygon) part, swathM));
            case 1 -> chained(metres, part -> CorridorSweep.sweep((LineString) part, site.corridorWidthM(), swathM));
            default -> orbit(((Point) metres.getGeometryN(0)).getCoordinate());
        };
        List<Coordinate> safe = SafeTransit.around(noFlyZones, proj, marginM).avoid(path);
        List<LatLon> wgs84 = safe.stream().map(proj::toLatLon).toList();
        return new SiteCoverage(site.id(), wgs84, swathM, Lawnmower.lengthOf(safe));
    }

    /**
     * What the sweep of {@code site} must see, in metres of {@code proj}: the area itself, a line's
     * corridor (buffered by half its width) or the disc of the orbit radius around a point.
     */
    public Geometry targetArea(Site site, LocalProjection proj) {
        Geometry metres = proj.toMetres(site.geometry());
        return switch (metres.getDimension()) {
            case 2 -> metres;
            case 1 -> metres.buffer(site.corridorWidthM() / 2);
            default -> metres.buffer(parameters.orbitRadiusM(), 16);
        };
    }

    private interface PartSweep {
        List<Coordinate> sweep(Geometry part);
    }

    /** Sweeps each part and chains them, nearest next part first, each flown from its nearer end. */
    private static List<Coordinate> chained(Geometry geometry, PartSweep sweep) {
        List<List<Coordinate>> remaining = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            List<Coordinate> part = sweep.sweep(geometry.getGeometryN(i));
            if (!part.isEmpty()) {
                remaining.add(new ArrayList<>(part));
            }
        }
        List<Coordinate> path = new ArrayList<>(remaining.remove(0));
        while (!remaining.isEmpty()) {
            Coordinate end = path.get(path.size() - 1);
            int nearest = 0;
            double best = Double.MAX_VALUE;
            for (int i = 0; i < remaining.size(); i++) {
                List<Coordinate> part = remaining.get(i);
                double d = Math.min(end.distance(part.get(0)), end.distance(part.get(part.size() - 1)));
                if (d < best) {
                    best = d;
                    nearest = i;
                }
            }
            List<Coordinate> next = remaining.remove(nearest);
            if (end.distance(next.get(next.size() - 1)) < end.distance(next.get(0))) {
                Collections.reverse(next);
            }
            path.addAll(next);
        }
        return path;
    }

    private List<Coordinate> orbit(Coordinate centre) {
        double r = effectiveOrbitRadiusM();
        List<Coordinate> path = new ArrayList<>();
        for (int i = 0; i < ORBIT_VERTICES; i++) {
            double a = 2 * Math.PI * i / ORBIT_VERTICES;
            path.add(new Coordinate(centre.x + r * Math.cos(a), centre.y + r * Math.sin(a)));
        }
        path.add(new Coordinate(path.get(0)));
        return path;
    }
}
