package org.winterwatch.geo.coverage;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.io.WKTReader;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;

/**
 * Measures coverage the way the contract defines it, independently of the planner: the path in
 * metres, buffered by half the swath, over the area the site must show.
 */
final class CoverageCheck {

    static final LatLon ORIGIN = new LatLon(40.09, 113.34);
    static final LocalProjection PROJ = LocalProjection.centredOn(ORIGIN);
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private CoverageCheck() {
    }

    /** A site whose geometry is given as WKT in metres around {@link #ORIGIN}. */
    static Site siteFromMetres(String id, SiteCategory category, String wkt) {
        return Site.of(id, id, category, PROJ.toWgs84(metres(wkt)));
    }

    static Geometry metres(String wkt) {
        try {
            return new WKTReader(FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Geometry pathInMetres(SiteCoverage coverage) {
        Coordinate[] cs = coverage.path().stream().map(PROJ::toMetres).toArray(Coordinate[]::new);
        return cs.length == 1 ? FACTORY.createPoint(cs[0]) : FACTORY.createLineString(cs);
    }

    /** Fraction of {@code target} (metres) seen by the path. */
    static double coveredFraction(SiteCoverage coverage, Geometry target) {
        Geometry seen = pathInMetres(coverage).buffer(coverage.swathWidthM() / 2, 16);
        return OverlayNGRobust.overlay(target, seen, OverlayNG.INTERSECTION).getArea() / target.getArea();
    }

    static List<Coordinate> pathPoints(SiteCoverage coverage) {
        return coverage.path().stream().map(PROJ::toMetres).toList();
    }
}
