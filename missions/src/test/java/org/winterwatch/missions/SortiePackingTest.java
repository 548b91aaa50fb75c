package org.winterwatch.missions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.CoveragePlanner;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.geo.transit.SafeTransit;

class SortiePackingTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final LatLon HOME = new LatLon(40.09, 113.34);
    private static final LocalProjection PROJ = LocalProjection.centredOn(HOME);

    private final SiteLayer demo = SiteLayers.demoLayer();

    @Test
    void everyDemoSiteIsSeenByTheCameraOnLegsThatAreActuallyFlown() {
        // given the demo layer and the default fleet
        LatLon home = demo.centroid();
        LocalProjection proj = LocalProjection.centredOn(home);
        FleetParameters params = FleetParameters.defaults();
        // when
        FleetPlan plan = new FleetPlanner(params).plan(demo, null, 4, home);
        // then every patrol site is assigned and its target area is seen from the flown camera-on legs
        assertThat(plan.unassigned()).isEmpty();
        CoveragePlanner coverage = new CoveragePlanner(params.coverage());
        Geometry keepOut = keepOut(demo, proj);
        for (Site site : demo.patrolSites()) {
            Geometry target = coverage.targetArea(site, proj).difference(keepOut);
            Geometry seen = cameraOnLegs(plan, site.id(), proj).buffer(params.coverage().swathWidthM() / 2, 16);
            assertThat(target.intersection(seen).getArea() / target.getArea()).as(site.id()).isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void workIsSharedFairlyAmongDrones() {
        FleetPlan plan = new FleetPlanner(FleetParameters.defaults()).plan(demo, null, 4, demo.centroid());
        List<Double> durations = List.of(plan.durationS(0), plan.durationS(1), plan.durationS(2), plan.durationS(3));
        assertThat(durations).allMatch(d -> d > 0);
        double max = durations.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double min = durations.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(max / min).isLessThan(1.6);
        assertThat(plan.totalLengthM()).isEqualTo(plan.sorties().stream().mapToDouble(Sortie::lengthM).sum());
    }

    @Test
    void aSiteTooBigForOneBatteryIsSplitAcrossSortiesWithoutGaps() throws Exception {
        // given a 1.2 x 0.6 km yard next to home and 8-minute batteries
        Site yard = site("cs-big", SiteCategory.CONSTRUCTION_SITE,
                "POLYGON ((100 -300, 1300 -300, 1300 300, 100 300, 100 -300))");
        SiteLayer layer = new SiteLayer(List.of(yard));
        FleetParameters params = new FleetParameters(FleetParameters.defaults().coverage(), 10, 8, 0.2);
        // when
        FleetPlan plan = new FleetPlanner(params).plan(layer, null, 1, HOME);
        // then
        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.sorties()).hasSizeGreaterThan(2)
                .allSatisfy(s -> {
                    assertThat(s.siteIds()).containsExactly("cs-big");
                    assertThat(s.durationS()).isLessThanOrEqualTo(params.usableSortieS());
                    assertThat(s.droneIndex()).isZero();
                });
        assertThat(plan.sorties()).extracting(Sortie::number).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, plan.sorties().size()).boxed().toArray(Integer[]::new));
        Geometry seen = cameraOnLegs(plan, "cs-big", PROJ).buffer(params.coverage().swathWidthM() / 2, 16);
        Geometry area = PROJ.toMetres(yard.geometry());
        assertThat(area.intersection(seen).getArea() / area.getArea()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void everySortieStartsAwayFromHomeAndEndsAtHome() {
        FleetPlan plan = new FleetPlanner(FleetParameters.defaults()).plan(demo, null, 3, demo.centroid());
        LatLon home = demo.centroid();
        for (Sortie s : plan.sorties()) {
            Waypoint last = s.waypoints().get(s.waypoints().size() - 1);
            assertThat(new LatLon(last.lat(), last.lon()).distanceM(home)).isLessThan(0.01);
            assertThat(last.cameraOn()).isFalse();
            double length = routeLengthM(home, s, LocalProjection.centredOn(home));
            assertThat(s.lengthM()).isCloseTo(length, org.assertj.core.api.Assertions.within(1.0));
            assertThat(s.durationS()).isGreaterThan(s.lengthM() / 10);
        }
    }

    @Test
    void aSiteBeyondOneBatteryIsReportedWithTheReason() throws Exception {
        // given an underpass 9 km out and 25-minute batteries (12 km usable round trip at 10 m/s less climbs)
        Site far = site("up-far", SiteCategory.UNDERPASS, "LINESTRING (9000 0, 9100 0)");
        Site near = site("st-near", SiteCategory.STATION, "POINT (300 0)");
        // when
        FleetPlan plan = new FleetPlanner(FleetParameters.defaults()).plan(new SiteLayer(List.of(far, near)), null, 2, HOME);
        // then
        assertThat(plan.unassigned()).singleElement().satisfies(u -> {
            assertThat(u.siteId()).isEqualTo("up-far");
            assertThat(u.reason()).contains("out of reach").contains("battery");
        });
        assertThat(plan.sorties()).flatExtracting(Sortie::siteIds).containsExactly("st-near");
        assertThat(plan.coverages()).extracting(c -> c.siteId()).containsExactly("st-near");
    }

    @Test
    void transitBendsAroundANoFlyZoneBetweenHomeAndSite() throws Exception {
        // given a substation zone straight between home and a culvert 1 km east
        Geometry zoneM = wkt("POLYGON ((400 -150, 600 -150, 600 150, 400 150, 400 -150))");
        Site zone = site("nfz", SiteCategory.NO_FLY_ZONE, zoneM.toText());
        Site culvert = site("cv-east", SiteCategory.CULVERT, "LINESTRING (1000 -20, 1000 20)");
        // when
        FleetPlan plan = new FleetPlanner(FleetParameters.defaults()).plan(new SiteLayer(List.of(zone, culvert)), null, 1, HOME);
        // then
        assertThat(plan.sorties()).singleElement().satisfies(s -> {
            Geometry route = FACTORY.createLineString(routeMetres(HOME, s, PROJ).toArray(Coordinate[]::new));
            assertThat(route.distance(zoneM)).isGreaterThan(SafeTransit.DEFAULT_MARGIN_M * 0.9);
            assertThat(s.lengthM()).isGreaterThan(2 * 1000);
        });
    }

    @Test
    void aSiteInsideANoFlyZoneOrANoFlyZoneItselfIsNotSwept() throws Exception {
        Site zone = site("nfz", SiteCategory.NO_FLY_ZONE, "POLYGON ((400 -150, 600 -150, 600 150, 400 150, 400 -150))");
        Site atm = site("atm-in", SiteCategory.ATM_LOBBY, "POINT (500 0)");
        FleetPlan plan = new FleetPlanner(FleetParameters.defaults())
                .plan(new SiteLayer(List.of(zone, atm)), List.of("atm-in", "nfz"), 1, HOME);
        assertThat(plan.sorties()).isEmpty();
        assertThat(plan.unassigned()).extracting(UnassignedSite::siteId).containsExactly("atm-in", "nfz");
        assertThat(plan.unassigned().get(0).reason()).contains("inside a no-fly zone");
        assertThat(plan.unassigned().get(1).reason()).contains("no-fly zone");
    }

    @Test
    void onlyTheRequestedSitesArePlanned() {
        FleetPlan plan = new FleetPlanner(FleetParameters.defaults())
                .plan(demo, List.of("br-03", "atm-01", "br-03"), 4, demo.centroid());
        assertThat(plan.sorties()).flatExtracting(Sortie::siteIds).containsExactlyInAnyOrder("br-03", "atm-01");
        assertThat(plan.coverages()).hasSize(2);
        assertThat(plan.dronesUsed()).isLessThanOrEqualTo(2);
    }

    @Test
    void freshPlannersGiveTheSamePlan() {
        LatLon home = demo.centroid();
        assertThat(new FleetPlanner(FleetParameters.defaults()).plan(demo, null, 4, home))
                .isEqualTo(new FleetPlanner(FleetParameters.defaults()).plan(demo, null, 4, home));
    }

    @Test
    void refusesNonsenseFleetsAndValues() {
        FleetPlanner planner = new FleetPlanner(FleetParameters.defaults());
        assertThatThrownBy(() -> planner.plan(demo, null, 0, HOME)).hasMessageContaining("drones");
        assertThatThrownBy(() -> new FleetParameters(FleetParameters.defaults().coverage(), 10, 25, 0.95))
                .hasMessageContaining("reserve");
        assertThatThrownBy(() -> new Waypoint(40, 113, 40, 0, true, "x")).hasMessageContaining("speedMps");
        assertThatThrownBy(() -> new UnassignedSite("x", " ")).hasMessageContaining("reason");
        assertThat(FleetParameters.defaults().usableSortieS()).isEqualTo(1200);
    }

    static Geometry cameraOnLegs(FleetPlan plan, String siteId, LocalProjection proj) {
        List<Geometry> legs = new ArrayList<>();
        for (Sortie s : plan.sorties()) {
            List<Waypoint> w = s.waypoints();
            for (int i = 0; i + 1 < w.size(); i++) {
                if (w.get(i).cameraOn() && w.get(i + 1).cameraOn() && siteId.equals(w.get(i + 1).siteId())) {
                    legs.add(FACTORY.createLineString(new Coordinate[] {
                            proj.toMetres(new LatLon(w.get(i).lat(), w.get(i).lon())),
                            proj.toMetres(new LatLon(w.get(i + 1).lat(), w.get(i + 1).lon()))}));
                }
                if (w.get(i).cameraOn() && siteId.equals(w.get(i).siteId())) {
                    legs.add(FACTORY.createPoint(proj.toMetres(new LatLon(w.get(i).lat(), w.get(i).lon()))));
                }
            }
        }
        return FACTORY.buildGeometry(legs);
    }

    private static List<Coordinate> routeMetres(LatLon home, Sortie s, LocalProjection proj) {
        List<Coordinate> route = new ArrayList<>();
        route.add(proj.toMetres(home));
        s.waypoints().forEach(w -> route.add(proj.toMetres(new LatLon(w.lat(), w.lon()))));
        return route;
    }

    private static double routeLengthM(LatLon home, Sortie s, LocalProjection proj) {
        return FACTORY.createLineString(routeMetres(home, s, proj).toArray(Coordinate[]::new)).getLength();
    }

    private static Geometry keepOut(SiteLayer layer, LocalProjection proj) {
        Geometry zones = FACTORY.buildGeometry(layer.noFlyZones().stream().map(z -> proj.toMetres(z.geometry())).toList());
        return zones.buffer(SafeTransit.DEFAULT_MARGIN_M);
    }

    private static Site site(String id, SiteCategory category, String wktMetres) throws Exception {
        return Site.of(id, id, category, PROJ.toWgs84(wkt(wktMetres)));
    }

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader(FACTORY).read(text);
    }
}
