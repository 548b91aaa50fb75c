package org.winterwatch.geo.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.winterwatch.geo.coverage.CoverageCheck.PROJ;
import static org.winterwatch.geo.coverage.CoverageCheck.coveredFraction;
import static org.winterwatch.geo.coverage.CoverageCheck.metres;
import static org.winterwatch.geo.coverage.CoverageCheck.siteFromMetres;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;

/**
 * Hand-made shapes with their expected sweeps, JTS style: the shape as WKT in metres, what the sweep
 * must achieve as numbers. Lengths are camera-on metres with the default camera at 40 m (29.8 m swath).
 */
class CoverageGoldenTest {

    private static final CoverageParameters DEFAULTS = CoverageParameters.defaults();
    private static final double SWATH = DEFAULTS.swathWidthM();

    @Test
    void coversLShapedBuildingBelowThePlainBoustrophedonsLength() {
        // decomposition pays: each arm swept along its length
        checkArea("POLYGON ((0 0, 160 0, 160 50, 55 50, 55 130, 0 130, 0 0))", 0.995, 1.0);
    }

    @Test
    void coversCourtyardBlockWithoutFlyingMuchOverTheCourtyard() {
        checkArea("POLYGON ((0 0, 120 0, 120 90, 0 90, 0 0), (30 25, 30 65, 90 65, 90 25, 30 25))", 0.995, 1.1);
    }

    @Test
    void coversUShapedLotWithinTenPercentOfThePlainBoustrophedon() {
        checkArea("POLYGON ((0 0, 240 0, 240 200, 190 200, 190 40, 50 40, 50 200, 0 200, 0 0))", 0.995, 1.1);
    }

    @Test
    void coversSmallYardShorterThanThePlainBoustrophedon() {
        // two passes; their ends pulled in as far as the turns between them leave the corners in view
        checkArea("POLYGON ((0 0, 60 0, 60 45, 0 45, 0 0))", 0.995, 0.85);
    }

    @Test
    void pullsPassEndsInOnASmallShapeWhileKeepingItInView() {
        String wkt = "POLYGON ((0 0, 50 0, 50 30, 0 30, 0 0))";
        double reachingEveryCorner = AreaSweep.lengthOf(AreaSweep.sweep((Polygon) metres(wkt), SWATH));

        SiteCoverage c = checkCovered(siteFromMetres("y", SiteCategory.OTHER, wkt), metres(wkt));

        assertThat(c.lengthM()).isLessThanOrEqualTo(0.92 * reachingEveryCorner);
    }

    @Test
    void coversThinBridgeDeckAtThirtyDegreesWithOnePassAlongIt() {
        String deck = CoveragePlannerTest.rotated("LINESTRING (-150 0, 150 0)", 30);
        Site bridge = new Site("br", "deck", SiteCategory.BRIDGE, 3, null, PROJ.toWgs84(metres(deck)), 25);
        SiteCoverage c = checkCovered(bridge, metres(deck).buffer(12.5));
        assertThat(c.path()).hasSize(2);
        assertThat(c.lengthM()).isCloseTo(300 + 25, org.assertj.core.api.Assertions.within(0.5));
    }

    @Test
    void coversBentCulvertLineAroundItsBend() {
        String culvert = "LINESTRING (0 0, 120 0, 200 70)";
        Site site = new Site("cv", "culvert", SiteCategory.CULVERT, 3, null, PROJ.toWgs84(metres(culvert)), 40);
        SiteCoverage c = checkCovered(site, metres(culvert).buffer(20));
        // 40 m needs two passes, each bending once
        assertThat(c.path()).hasSize(2 * 3);
    }

    @Test
    void orbitsOrHoversOverAPoint() {
        Site atm = siteFromMetres("atm", SiteCategory.ATM_LOBBY, "POINT (0 0)");
        CoveragePlanner orbit = new CoveragePlanner(DEFAULTS);
        SiteCoverage circle = orbit.plan(atm, PROJ, List.of());
        assertThat(coveredFraction(circle, orbit.targetArea(atm, PROJ))).isGreaterThanOrEqualTo(0.995);
        assertThat(circle.dwellS()).isZero();

        CoveragePlanner hover = new CoveragePlanner(DEFAULTS.withPointSweep(PointSweep.hover(30)));
        SiteCoverage above = hover.plan(atm, PROJ, List.of());
        assertThat(above.path()).hasSize(1);
        assertThat(above.dwellS()).isEqualTo(30);
        assertThat(above.lengthM()).isZero();
        assertThat(coveredFraction(above, hover.targetArea(atm, PROJ))).isGreaterThanOrEqualTo(0.995);
    }

    @Test
    void reportsAndLeavesOutThePartOfASiteInsideANoFlyZone() {
        String area = "POLYGON ((0 0, 300 0, 300 200, 0 200, 0 0))";
        String zone = "POLYGON ((200 -50, 400 -50, 400 100, 200 100, 200 -50))";
        Site site = siteFromMetres("cs", SiteCategory.CONSTRUCTION_SITE, area);
        Site nfz = siteFromMetres("nfz-1", SiteCategory.NO_FLY_ZONE, zone);

        SiteCoverage c = new CoveragePlanner(DEFAULTS).plan(site, PROJ, List.of(nfz));

        assertThat(c.noFlyZoneIds()).containsExactly("nfz-1");
        assertThat(c.noFlyFraction()).isCloseTo(100.0 * 100 / 60000, org.assertj.core.api.Assertions.within(0.01));
        Geometry allowed = metres(area).difference(metres(zone));
        assertThat(coveredFraction(c, allowed)).isGreaterThanOrEqualTo(0.995);
        assertThat(CoverageCheck.pathInMetres(c).intersects(metres(zone))).isFalse();
    }

    /** Checks coverage and that the camera-on length is at most {@code maxRatio} times the plain boustrophedon's. */
    private static void checkArea(String wkt, double minCovered, double maxRatio) {
        Site site = siteFromMetres("a", SiteCategory.ABANDONED_BUILDING, wkt);
        SiteCoverage c = checkCovered(site, metres(wkt));
        assertThat(c.coveredFraction()).isGreaterThanOrEqualTo(minCovered);
        double plain = PlainBoustrophedon.lengthM(metres(wkt), SWATH);
        assertThat(c.lengthM()).as("camera-on length against the plain boustrophedon's %.1f m", plain)
                .isLessThanOrEqualTo(plain * maxRatio);
    }

    private static SiteCoverage checkCovered(Site site, Geometry target) {
        SiteCoverage c = new CoveragePlanner(DEFAULTS).plan(site, PROJ, List.of());
        assertThat(coveredFraction(c, target)).as(site.id()).isGreaterThanOrEqualTo(0.995);
        return c;
    }
}
