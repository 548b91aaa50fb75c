package org.winterwatch.geo.coverage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.transit.SafeTransit;

/**
 * Plans the camera-on path that covers one site: a boustrophedon over areas (best direction per
 * polygon or per cell, holes left out), a corridor along lines, an orbit around or a hover over points;
 * the parts of the site inside no-fly zones are left out and the path never enters a zone.
 *
 * <p>A site counts as covered where the path buffered by half the swath covers its
 * {@linkplain #targetArea target area}. Immutable and thread-safe.
 */
public final class CoveragePlanner {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final int ORBIT_VERTICES = 36;
    /** Outline passes run this far outside the margin, so that cutting at the margin leaves them whole. */
    private static final double CONTOUR_CLEARANCE_M = 0.5;
    /** Orbits stay this far inside half a swath, so the point itself is in view with room to spare. */
    private static final double ORBIT_VIEW_FRACTION = 0.9;
    /**
     * Area sweeps have their pass ends pulled in while at least this share of the area stays in view: a
     * little above the 99.5 % the planner promises.
     */
    static final double TRIMMED_COVERAGE = 0.997;

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
        return plan(site, proj, SafeTransit.around(noFlyZones, proj, marginM));
    }

    /**
     * The camera-on path over {@code site}, kept out of {@code transit}'s zones; {@code transit} must be in
     * metres of {@code proj}. Planning many sites against one {@code SafeTransit} saves rebuilding it.
     */
    public SiteCoverage plan(Site site, LocalProjection proj, SafeTransit transit) {
        Objects.requireNonNull(site, "site");
        if (site.isNoFlyZone()) {
            throw new IllegalArgumentException("site " + site.id() + " is a no-fly zone and is never swept");
        }
        Geometry metres = proj.toMetres(site.geometry());
        double swathM = parameters.swathWidthM();
        Geometry zones = transit.zones();
        boolean touchesZones = !zones.isEmpty() && zones.getEnvelopeInternal().intersects(
                targetOf(metres, site).getEnvelopeInternal()) && zones.intersects(targetOf(metres, site));
        Geometry target = targetOf(metres, site);
        Geometry allowed = touchesZones ? OverlayNGRobust.overlay(target, zones, OverlayNG.DIFFERENCE) : target;
        double noFlyFraction = touchesZones ? 1 - allowed.getArea() / target.getArea() : 0;
        List<String> zoneIds = touchesZones ? transit.zoneIdsOverlapping(target) : List.of();
        double dwellS = 0;
        // cuts at zones and their margins eat into what trimmed ends leave to spare: near zones, ends stay whole
        double trimTo = touchesZones || metres.getDimension() != 2 ? 1 : TRIMMED_COVERAGE;
        List<Coordinate> path = path(site, metres, allowed, transit, touchesZones, trimTo);
        double covered = path.isEmpty() ? 0 : coveredFraction(path, allowed, swathM);
        if (trimTo < 1 && covered < TRIMMED_COVERAGE) {
            // the whole path, measured as the contract does, fell short of what each part was trimmed to
            path = path(site, metres, allowed, transit, touchesZones, 1);
            covered = path.isEmpty() ? 0 : coveredFraction(path, allowed, swathM);
        }
        if (!path.isEmpty() && metres.getDimension() == 0 && parameters.pointSweep().isHover()) {
            dwellS = parameters.pointSweep().hoverS();
        }
        List<LatLon> wgs84 = path.stream().map(proj::toLatLon).toList();
        return new SiteCoverage(site.id(), wgs84, swathM, AreaSweep.lengthOf(path), dwellS, covered,
                Math.max(0, Math.min(1, noFlyFraction)), zoneIds);
    }

    private List<Coordinate> path(Site site, Geometry metres, Geometry allowed, SafeTransit transit,
                                  boolean touchesZones, double trimToCoverage) {
        if (allowed.isEmpty()) {
            return List.of();
        }
        double swathM = parameters.swathWidthM();
        List<Coordinate> path = switch (metres.getDimension()) {
            case 2 -> chained(touchesZones ? withContours(allowed, allowed, transit, swathM) : allowed,
                    part -> part instanceof Polygon polygon ? AreaSweep.sweep(polygon, swathM, trimToCoverage)
                            : List.of(part.getCoordinates()));
            case 1 -> {
                List<Coordinate> corridor = chained(metres,
                        part -> CorridorSweep.sweep((LineString) part, site.corridorWidthM(), swathM));
                yield touchesZones && corridor.size() > 1
                        ? chained(withContours(FACTORY.createLineString(corridor.toArray(Coordinate[]::new)),
                                allowed, transit, swathM), part -> List.of(part.getCoordinates()))
                        : corridor;
            }
            default -> pointPath(((Point) metres.getGeometryN(0)).getCoordinate());
        };
        // the path may leave the site (legs between parts, passes over a hole, ends stretched past an edge) and
        // meet a zone that the site itself does not touch
        return touchesZones || transit.crosses(path) ? transit.avoid(path) : path;
    }

    /**
     * What the sweep of {@code site} must see, in metres of {@code proj}: the area itself, a line's
     * corridor (buffered by half its width), the disc of the orbit radius around a point, or for a
     * hover the disc the camera sees below it.
     */
    public Geometry targetArea(Site site, LocalProjection proj) {
        return targetOf(proj.toMetres(site.geometry()), site);
    }

    private Geometry targetOf(Geometry metres, Site site) {
        return switch (metres.getDimension()) {
            case 2 -> metres;
            case 1 -> metres.buffer(site.corridorWidthM() / 2);
            default -> metres.buffer(parameters.pointSweep().isHover()
                    ? ORBIT_VIEW_FRACTION * parameters.swathWidthM() / 2 : parameters.orbitRadiusM(), 16);
        };
    }

    /**
     * The area's parts plus the stretches of the zones' outline, just outside the margin, that run past
     * it: the margin keeps passes from reaching the zone's edge, a pass along the outline sees up to it.
     */
    private static Geometry withContours(Geometry sweep, Geometry allowed, SafeTransit transit, double swathM) {
        if (transit.marginM() + CONTOUR_CLEARANCE_M >= swathM / 2) {
            return sweep;
        }
        Geometry outline = transit.zones().buffer(transit.marginM() + CONTOUR_CLEARANCE_M, 8).getBoundary();
        Geometry near = OverlayNGRobust.overlay(outline, allowed.buffer(swathM / 2), OverlayNG.INTERSECTION);
        List<Geometry> parts = new ArrayList<>();
        for (int i = 0; i < sweep.getNumGeometries(); i++) {
            parts.add(sweep.getGeometryN(i));
        }
        for (int i = 0; i < near.getNumGeometries(); i++) {
            if (near.getGeometryN(i) instanceof LineString line && line.getLength() > 1) {
                parts.add(line);
            }
        }
        return FACTORY.buildGeometry(parts);
    }

    private static double coveredFraction(List<Coordinate> path, Geometry target, double swathM) {
        Geometry line = path.size() == 1 ? FACTORY.createPoint(path.get(0))
                : FACTORY.createLineString(path.toArray(Coordinate[]::new));
        Geometry seen = line.buffer(swathM / 2, 8);
        double area = target.getArea();
        return area <= 0 ? 1 : Math.min(1, OverlayNGRobust.overlay(target, seen, OverlayNG.INTERSECTION).getArea() / area);
    }

    private interface PartSweep {
        List<Coordinate> sweep(Geometry part);
    }

    /** Sweeps each part and chains them, nearest next part first, each flown from its nearer end. */
    private static List<Coordinate> chained(Geometry geometry, PartSweep sweep) {
        List<List<Coordinate>> remaining = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part.isEmpty() || (part.getDimension() == 2 && part.getArea() < 1e-6)) {
                continue;
            }
            List<Coordinate> path = sweep.sweep(part);
            if (!path.isEmpty()) {
                remaining.add(new ArrayList<>(path));
            }
        }
        if (remaining.isEmpty()) {
            return List.of();
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

    private List<Coordinate> pointPath(Coordinate centre) {
        if (parameters.pointSweep().isHover()) {
            return List.of(new Coordinate(centre));
        }
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
