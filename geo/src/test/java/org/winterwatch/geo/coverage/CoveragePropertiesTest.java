package org.winterwatch.geo.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.winterwatch.geo.coverage.CoverageCheck.PROJ;
import static org.winterwatch.geo.coverage.CoverageCheck.coveredFraction;
import static org.winterwatch.geo.coverage.CoverageCheck.metres;
import static org.winterwatch.geo.coverage.CoverageCheck.siteFromMetres;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;
import org.winterwatch.geo.transit.SafeTransit;

/**
 * Coverage over randomly generated shapes. The shapes come from a seeded generator, so a failure names its
 * arguments and repeats exactly.
 */
class CoveragePropertiesTest {

    private static double between(Random r, double min, double max) {
        return min + r.nextDouble() * (max - min);
    }

    static Stream<Arguments> rectangles() {
        Random r = new Random(20261129L);
        return IntStream.range(0, 60).mapToObj(i -> Arguments.of(between(r, 5, 400), between(r, 5, 300), between(r, 0, 180)));
    }

    static Stream<Arguments> stars() {
        Random r = new Random(7L);
        return IntStream.range(0, 60).mapToObj(i -> Arguments.of(3 + r.nextInt(10), between(r, 20, 200), between(r, 0.3, 1.0)));
    }

    static Stream<Arguments> corridors() {
        Random r = new Random(11L);
        return IntStream.range(0, 40).mapToObj(i -> Arguments.of(between(r, 10, 500), between(r, 0, 180), between(r, 5, 120)));
    }

    /** Where the no-fly zone of a generated case lies. */
    enum ZoneKind {
        /** No zone at all. */
        NONE,
        /** A square somewhere around the area's centre: it may cut the area, sit in its hole or between its parts. */
        NEAR,
        /** A square around the whole area: nothing of the site may be flown over. */
        OVER
    }

    /**
     * Random blobs (star-ish polygons), some with a hole, some as two-part multipolygons, most near a zone and
     * a few wholly inside one.
     */
    static Stream<Arguments> areasWithHolesPartsAndZones() {
        Random r = new Random(20260303L);
        Stream<Arguments> near = IntStream.range(0, 80).mapToObj(i -> Arguments.of(r.nextLong(), i % 2 == 0, i % 3 == 0,
                i % 4 != 3 ? ZoneKind.NEAR : ZoneKind.NONE));
        Random s = new Random(20261202L);
        Stream<Arguments> over = IntStream.range(0, 8).mapToObj(i -> Arguments.of(s.nextLong(), i % 2 == 0, i % 3 == 0,
                ZoneKind.OVER));
        return Stream.concat(near, over);
    }

    @ParameterizedTest
    @MethodSource("areasWithHolesPartsAndZones")
    void anyAreaMinusItsNoFlyZonesIsCoveredAndNoLegEntersAZone(long seed, boolean hole, boolean twoParts,
                                                             ZoneKind zoneKind) {
        // given
        Random r = new Random(seed);
        Geometry area = blob(r, 0, 0, hole);
        if (twoParts) {
            area = area.union(blob(r, 250 + r.nextDouble() * 150, r.nextDouble() * 200 - 100, false));
        }
        Geometry zoneM = switch (zoneKind) {
            case NONE -> metres("POLYGON EMPTY");
            case NEAR -> {
                double x = r.nextDouble() * 200 - 100;
                double y = r.nextDouble() * 200 - 100;
                yield square(x, y, x + 20 + r.nextDouble() * 80);
            }
            case OVER -> {
                Envelope e = area.getEnvelopeInternal();
                yield square(e.getMinX() - 5, e.getMinY() - 5, e.getMinX() + Math.max(e.getWidth(), e.getHeight()) + 5);
            }
        };
        List<Site> zones = zoneM.isEmpty() ? List.of() : List.of(siteFromMetres("nfz", SiteCategory.NO_FLY_ZONE, zoneM.toText()));
        Site site = siteFromMetres("a", SiteCategory.CONSTRUCTION_SITE, area.toText());
        // when
        SiteCoverage coverage = planner.plan(site, PROJ, zones);
        // then
        Geometry allowed = PROJ.toMetres(site.geometry()).difference(zoneM);
        if (allowed.isEmpty()) {
            assertThat(coverage.isEmpty()).as("a site wholly inside a zone has nothing to fly").isTrue();
            assertThat(coverage.noFlyFraction()).isCloseTo(1.0, within(1e-9));
            assertThat(coverage.noFlyZoneIds()).containsExactly("nfz");
        } else {
            assertThat(coverage.isEmpty()).as("a site with %.0f m2 outside its zones is flown", allowed.getArea()).isFalse();
            assertThat(coveredFraction(coverage, allowed)).isGreaterThanOrEqualTo(0.995);
        }
        assertNoLegEntersOrNears(zoneM, CoverageCheck.pathPoints(coverage));
    }

    /**
     * Every waypoint and every straight leg between two waypoints stays out of the zone's interior, and keeps
     * at least half the margin from it (the least {@code SafeTransit} promises next to a zone).
     */
    private static void assertNoLegEntersOrNears(Geometry zoneM, List<Coordinate> path) {
        if (zoneM.isEmpty()) {
            return;
        }
        GeometryFactory f = zoneM.getFactory();
        double minClearanceM = SafeTransit.DEFAULT_MARGIN_M / 2;
        for (int i = 0; i < path.size(); i++) {
            Geometry leg = i + 1 < path.size() ? f.createLineString(new Coordinate[] {path.get(i), path.get(i + 1)})
                    : f.createPoint(path.get(i));
            assertThat(leg.relate(zoneM, "T********")).as("leg %d %s enters zone %s", i, leg, zoneM).isFalse();
            assertThat(leg.distance(zoneM)).as("clearance of leg %d %s from zone %s", i, leg, zoneM)
                    .isGreaterThanOrEqualTo(minClearanceM);
        }
    }

    private static Geometry square(double minX, double minY, double maxX) {
        return metres(String.format(java.util.Locale.ROOT, "POLYGON ((%1$f %2$f, %3$f %2$f, %3$f %4$f, %1$f %4$f, %1$f %2$f))",
                minX, minY, maxX, minY + (maxX - minX)));
    }

    /** A star-shaped blob of 5..14 corners, radius 40..200 m, with an optional hole around its centre. */
    private static Geometry blob(Random r, double cx, double cy, boolean hole) {
        int corners = 5 + r.nextInt(10);
        double radius = 40 + r.nextDouble() * 160;
        StringBuilder wkt = new StringBuilder("POLYGON ((");
        for (int i = 0; i <= corners; i++) {
            double a = 2 * Math.PI * (i % corners) / corners;
            double rr = radius * (0.6 + 0.4 * new Random((i % corners) * 31L + corners).nextDouble());
            wkt.append(i == 0 ? "" : ", ").append(cx + rr * Math.cos(a)).append(' ').append(cy + rr * Math.sin(a));
        }
        wkt.append("))");
        Geometry g = CoverageCheck.metres(wkt.toString());
        if (hole) {
            double h = radius * 0.25;
            g = g.difference(CoverageCheck.metres(String.format(java.util.Locale.ROOT,
                    "POLYGON ((%1$f %2$f, %3$f %2$f, %3$f %4$f, %1$f %4$f, %1$f %2$f))", cx - h, cy - h, cx + h, cy + h)));
        }
        return g;
    }

    private final CoveragePlanner planner = new CoveragePlanner(CoverageParameters.defaults());

    @ParameterizedTest
    @MethodSource("rectangles")
    void anyRotatedRectangleIsCovered(double widthM, double heightM, double angleDeg) {
        String wkt = CoveragePlannerTest.rotated(String.format(java.util.Locale.ROOT,
                "POLYGON ((0 0, %1$f 0, %1$f %2$f, 0 %2$f, 0 0))", widthM, heightM), angleDeg);
        SiteCoverage coverage = planner.plan(siteFromMetres("r", SiteCategory.CONSTRUCTION_SITE, wkt), PROJ, List.of());
        assertThat(coveredFraction(coverage, metres(wkt))).isGreaterThanOrEqualTo(0.995);
    }

    @ParameterizedTest
    @MethodSource("stars")
    void anyStarShapedAreaIsCovered(int corners, double radiusM, double dent) {
        StringBuilder wkt = new StringBuilder("POLYGON ((");
        for (int i = 0; i < 2 * corners; i++) {
            double a = Math.PI * i / corners;
            double r = i % 2 == 0 ? radiusM : radiusM * dent;
            wkt.append(i == 0 ? "" : ", ").append(r * Math.cos(a)).append(' ').append(r * Math.sin(a));
        }
        wkt.append(", ").append(radiusM).append(" 0))");
        Geometry area = metres(wkt.toString());
        SiteCoverage coverage = planner.plan(siteFromMetres("s", SiteCategory.ABANDONED_BUILDING, wkt.toString()), PROJ, List.of());
        assertThat(coveredFraction(coverage, area)).isGreaterThanOrEqualTo(0.995);
    }

    @ParameterizedTest
    @MethodSource("corridors")
    void anyLineCorridorIsCovered(double lengthM, double angleDeg, double widthM) {
        String wkt = CoveragePlannerTest.rotated("LINESTRING (0 0, " + lengthM + " 0)", angleDeg);
        var site = new org.winterwatch.geo.site.Site("l", "l", SiteCategory.UNDERPASS, 3, null,
                PROJ.toWgs84(metres(wkt)), widthM);
        SiteCoverage coverage = planner.plan(site, PROJ, List.of());
        assertThat(coveredFraction(coverage, metres(wkt).buffer(widthM / 2))).isGreaterThanOrEqualTo(0.995);
    }
}
