package org.winterwatch.geo.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.winterwatch.geo.coverage.CoverageCheck.PROJ;
import static org.winterwatch.geo.coverage.CoverageCheck.coveredFraction;
import static org.winterwatch.geo.coverage.CoverageCheck.metres;
import static org.winterwatch.geo.coverage.CoverageCheck.pathInMetres;
import static org.winterwatch.geo.coverage.CoverageCheck.pathPoints;
import static org.winterwatch.geo.coverage.CoverageCheck.siteFromMetres;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;
import org.winterwatch.geo.site.SiteLayer;

class CoveragePlannerTest {

    private final CoveragePlanner planner = new CoveragePlanner(CoverageParameters.defaults());
    private final double swath = CoverageParameters.defaults().swathWidthM();

    private static final String L_SHAPE = "POLYGON ((0 0, 160 0, 160 50, 55 50, 55 130, 0 130, 0 0))";

    @Test
    void thermalDefaultSeesAboutThirtyMetresAtFortyMetres() {
        CameraModel camera = CameraModel.thermalDefault();
        assertThat(camera.footprintWidthM(40)).isCloseTo(37.3, within(0.1));
        assertThat(camera.swathWidthM(40)).isCloseTo(29.8, within(0.1));
        assertThat(camera.groundSampleDistanceM(40)).isCloseTo(0.058, within(0.001));
        assertThatThrownBy(() -> new CoverageParameters(camera, 10, 25)).hasMessageContaining("altitudeM");
        assertThatThrownBy(() -> new CameraModel(50, 40, 640, 512, 0.95)).hasMessageContaining("sideOverlap");
    }

    @Test
    void coversLShapedBuildingWithoutGaps() {
        // given
        Site building = siteFromMetres("ab-l", SiteCategory.ABANDONED_BUILDING, L_SHAPE);
        // when
        SiteCoverage coverage = planner.plan(building, PROJ, List.of());
        // then
        assertThat(coveredFraction(coverage, metres(L_SHAPE))).isGreaterThanOrEqualTo(0.99);
        assertThat(coverage.swathWidthM()).isCloseTo(swath, within(1e-9));
        assertThat(coverage.lengthM()).isCloseTo(pathInMetres(coverage).getLength(), within(0.5));
        // 130 m across the narrow way: five passes one swath apart are enough
        assertThat(coverage.path()).hasSizeLessThanOrEqualTo(2 * 5);
    }

    @Test
    void coversBuildingWithCourtyardAndFliesOverTheCourtyard() {
        String withHole = "POLYGON ((0 0, 90 0, 90 70, 0 70, 0 0), (25 20, 25 50, 65 50, 65 20, 25 20))";
        SiteCoverage coverage = planner.plan(siteFromMetres("ab-h", SiteCategory.ABANDONED_BUILDING, withHole), PROJ, List.of());
        assertThat(coveredFraction(coverage, metres(withHole))).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void sweepsAlongTheLongSideOfAThinRotatedArea() {
        // given a 400 x 40 m strip turned 30 degrees
        String strip = rotated("POLYGON ((-200 -20, 200 -20, 200 20, -200 20, -200 -20))", 30);
        // when
        SiteCoverage coverage = planner.plan(siteFromMetres("cs-strip", SiteCategory.CONSTRUCTION_SITE, strip), PROJ, List.of());
        // then two long passes, not fourteen short ones
        assertThat(coverage.path()).hasSize(4);
        assertThat(coveredFraction(coverage, metres(strip))).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void coversThinBridgeAtThirtyDegreesAlongItsCorridor() {
        // given a 300 m deck at 30 degrees from east, default 30 m corridor
        String deck = rotated("LINESTRING (-150 0, 150 0)", 30);
        Site bridge = siteFromMetres("br-30", SiteCategory.BRIDGE, deck);
        // when
        SiteCoverage coverage = planner.plan(bridge, PROJ, List.of());
        // then
        Geometry corridor = metres(deck).buffer(bridge.corridorWidthM() / 2);
        assertThat(coveredFraction(coverage, corridor)).isGreaterThanOrEqualTo(0.99);
        assertThat(planner.targetArea(bridge, PROJ).getArea()).isCloseTo(corridor.getArea(), within(corridor.getArea() * 0.01));
        int passes = (int) Math.ceil(bridge.corridorWidthM() / swath);
        assertThat(coverage.path()).hasSize(2 * passes);
        // passes alternate direction: the second starts where the first ended
        List<Coordinate> pts = pathPoints(coverage);
        assertThat(pts.get(1).distance(pts.get(2))).isLessThan(swath + 1);
    }

    @Test
    void widerCorridorGetsMorePasses() {
        String culvert = "LINESTRING (0 0, 60 10, 120 0)";
        Site wide = new Site("cv-w", "wide", SiteCategory.CULVERT, 3, null, PROJ.toWgs84(metres(culvert)), 100);
        SiteCoverage coverage = planner.plan(wide, PROJ, List.of());
        assertThat(coverage.path()).hasSize(4 * 3);
        assertThat(coveredFraction(coverage, metres(culvert).buffer(50))).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void orbitsAPointSiteKeepingThePointInView() {
        // given an ATM lobby entrance
        Site atm = siteFromMetres("atm-p", SiteCategory.ATM_LOBBY, "POINT (10 20)");
        // when
        SiteCoverage coverage = planner.plan(atm, PROJ, List.of());
        // then a closed circle of at least 16 vertices
        assertThat(coverage.path()).hasSizeGreaterThanOrEqualTo(17);
        assertThat(coverage.path().get(0)).isEqualTo(coverage.path().get(coverage.path().size() - 1));
        List<Coordinate> pts = pathPoints(coverage);
        Coordinate centre = new Coordinate(10, 20);
        double radius = planner.effectiveOrbitRadiusM();
        assertThat(pts).allSatisfy(p -> assertThat(p.distance(centre)).isCloseTo(radius, within(0.05)));
        assertThat(radius).isLessThanOrEqualTo(swath / 2);
        assertThat(coveredFraction(coverage, planner.targetArea(atm, PROJ))).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void neverFliesIntoANoFlyZoneOverlappingTheSite() {
        // given a 300 x 200 m site whose east part is a hospital helipad zone
        String area = "POLYGON ((0 0, 300 0, 300 200, 0 200, 0 0))";
        String helipad = "POLYGON ((200 60, 360 60, 360 140, 200 140, 200 60))";
        Site site = siteFromMetres("cs-nfz", SiteCategory.CONSTRUCTION_SITE, area);
        Site zone = siteFromMetres("nfz", SiteCategory.NO_FLY_ZONE, helipad);
        // when
        SiteCoverage coverage = planner.plan(site, PROJ, List.of(zone));
        // then no vertex nor segment is inside the zone
        Geometry zoneM = metres(helipad);
        assertThat(pathPoints(coverage)).noneMatch(p -> zoneM.distance(CoverageCheck.metres("POINT (" + p.x + " " + p.y + ")")) < 1);
        assertThat(pathInMetres(coverage).intersects(zoneM)).isFalse();
        // and the rest of the site is still seen
        Geometry allowed = metres(area).difference(zoneM.buffer(SafeMargin.M));
        assertThat(coveredFraction(coverage, allowed)).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void siteInsideANoFlyZoneGetsAnEmptyPath() {
        Site site = siteFromMetres("inside", SiteCategory.STATION, "POINT (0 0)");
        Site zone = siteFromMetres("nfz", SiteCategory.NO_FLY_ZONE, "POLYGON ((-200 -200, 200 -200, 200 200, -200 200, -200 -200))");
        SiteCoverage coverage = planner.plan(site, PROJ, List.of(zone));
        assertThat(coverage.isEmpty()).isTrue();
        assertThat(coverage.lengthM()).isZero();
    }

    @Test
    void refusesToSweepANoFlyZone() {
        Site zone = siteFromMetres("nfz", SiteCategory.NO_FLY_ZONE, "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
        assertThatThrownBy(() -> planner.plan(zone, PROJ, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDemoSiteIsCoveredOutsideNoFlyZones() {
        SiteLayer demo = SiteLayers.demoLayer();
        Geometry zones = PROJ.toMetres(demo.noFlyZones().get(0).geometry());
        for (Site zone : demo.noFlyZones()) {
            zones = zones.union(PROJ.toMetres(zone.geometry()));
        }
        Geometry keepOut = zones.buffer(SafeMargin.M);
        for (Site site : demo.patrolSites()) {
            SiteCoverage coverage = planner.plan(site, PROJ, demo.noFlyZones());
            Geometry target = planner.targetArea(site, PROJ).difference(keepOut);
            assertThat(coveredFraction(coverage, target)).as(site.id()).isGreaterThanOrEqualTo(0.99);
            assertThat(pathInMetres(coverage).intersects(zones)).as(site.id()).isFalse();
        }
    }

    @Test
    void planningIsDeterministic() {
        Site building = siteFromMetres("ab-l", SiteCategory.ABANDONED_BUILDING, L_SHAPE);
        assertThat(planner.plan(building, PROJ, List.of())).isEqualTo(planner.plan(building, PROJ, List.of()));
    }

    static String rotated(String wkt, double degrees) {
        Geometry g = metres(wkt);
        return org.locationtech.jts.geom.util.AffineTransformation.rotationInstance(Math.toRadians(degrees))
                .transform(g).toText();
    }

    /** The planner's default distance from no-fly zones. */
    private static final class SafeMargin {
        static final double M = org.winterwatch.geo.transit.SafeTransit.DEFAULT_MARGIN_M;
    }

}
