package org.winterwatch.missions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.CameraModel;
import org.winterwatch.geo.coverage.CoverageParameters;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;
import org.winterwatch.geo.transit.SafeTransit;

/** Point inspections: shapes in metres around a launch point, written as WKT. */
class InspectionPlannerTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final LatLon LAUNCH = new LatLon(40.09, 113.34);
    private static final LocalProjection PROJ = LocalProjection.centredOn(LAUNCH);
    /** 60 m up, 20 m orbits: at that height the nadir camera still sees the point from the orbit. */
    private static final FleetParameters INSPECTION = new FleetParameters(
            new CoverageParameters(CameraModel.thermalDefault(), 60, 20), 10, 25, 0.2);

    @Test
    void orbitsThePointWithTheCameraOnAndComesBackToLaunch() {
        // given a tip 600 m north-east of the drone and no zones
        InspectionPlanner planner = new InspectionPlanner(INSPECTION, List.of());
        LatLon tip = at(400, 450);
        // when
        Sortie sortie = planned(planner.plan("a-1", 2, LAUNCH, tip));
        // then the camera records exactly on the orbit, a full circle of the radius around the tip
        List<Waypoint> orbit = sortie.waypoints().stream().filter(Waypoint::cameraOn).toList();
        assertThat(planner.orbitRadiusM()).isCloseTo(20, within(0.5));
        assertThat(orbit).hasSizeGreaterThan(30).allSatisfy(w -> {
            assertThat(metres(w).distance(PROJ.toMetres(tip))).isCloseTo(planner.orbitRadiusM(), within(0.5));
            assertThat(w.siteId()).isEqualTo("a-1");
        });
        assertThat(metres(orbit.get(0))).isEqualTo(metres(orbit.get(orbit.size() - 1)));
        // it starts on the side facing the drone, flies at the inspection height and ends where it took off
        assertThat(metres(orbit.get(0)).distance(new Coordinate(0, 0)))
                .isCloseTo(PROJ.toMetres(tip).distance(new Coordinate(0, 0)) - 20, within(2.0));
        assertThat(sortie.waypoints()).allSatisfy(w -> assertThat(w.altitudeM()).isEqualTo(60));
        Waypoint last = sortie.waypoints().get(sortie.waypoints().size() - 1);
        assertThat(new LatLon(last.lat(), last.lon()).distanceM(LAUNCH)).isLessThan(0.01);
        assertThat(last.cameraOn()).isFalse();
        assertThat(sortie.droneIndex()).isEqualTo(2);
        assertThat(sortie.siteIds()).containsExactly("a-1");
        assertThat(sortie.lengthM()).isCloseTo(routeLengthM(sortie), within(0.5));
        assertThat(sortie.durationS()).isCloseTo(sortie.lengthM() / 10 + 2 * 60 / 3.0, within(0.01));
    }

    @Test
    void goesAroundANoFlyZoneBetweenTheDroneAndThePoint() throws Exception {
        // given a zone straight between the drone and a tip 800 m east
        Geometry zoneM = wkt("POLYGON ((300 -150, 500 -150, 500 150, 300 150, 300 -150))");
        InspectionPlanner planner = new InspectionPlanner(INSPECTION, List.of(zone("nfz-1", zoneM)));
        // when
        Sortie sortie = planned(planner.plan("a-2", 0, LAUNCH, at(800, 0)));
        // then the whole route keeps the margin, so it is longer than there and back in a straight line
        Geometry route = FACTORY.createLineString(routeMetres(sortie).toArray(Coordinate[]::new));
        assertThat(route.distance(zoneM)).isGreaterThan(SafeTransit.DEFAULT_MARGIN_M * 0.9);
        assertThat(sortie.lengthM()).isGreaterThan(2 * (800 - 20) + 2 * Math.PI * 20);
    }

    @Test
    void refusesAPointInsideANoFlyZoneNamingTheZone() throws Exception {
        Site zone = zone("nfz-7", wkt("POLYGON ((300 -150, 500 -150, 500 150, 300 150, 300 -150))"));
        InspectionPlanner planner = new InspectionPlanner(INSPECTION, List.of(zone));

        InspectionPlanner.Result result = planner.plan("a-3", 0, LAUNCH, at(400, 0));

        assertThat(planner.noFlyZoneAt(at(400, 0))).contains("nfz-7");
        assertThat(planner.noFlyZoneAt(at(700, 0))).isEmpty();
        assertThat(result).isInstanceOfSatisfying(InspectionPlanner.Result.Refused.class,
                r -> assertThat(r.reason()).isEqualTo("the point is inside no-fly zone nfz-7"));
    }

    @Test
    void aPointsSiteSettingOfHoverStillGivesAnOrbit() {
        FleetParameters hover = new FleetParameters(INSPECTION.coverage()
                .withPointSweep(org.winterwatch.geo.coverage.PointSweep.hover(30)), 10, 25, 0.2);

        Sortie sortie = planned(new InspectionPlanner(hover, List.of()).plan("a-4", 0, LAUNCH, at(0, 300)));

        assertThat(sortie.waypoints().stream().filter(Waypoint::cameraOn).count()).isGreaterThan(30);
        assertThat(sortie.waypoints()).allSatisfy(w -> assertThat(w.holdS()).isZero());
    }

    private static Sortie planned(InspectionPlanner.Result result) {
        assertThat(result).isInstanceOf(InspectionPlanner.Result.Planned.class);
        return ((InspectionPlanner.Result.Planned) result).sortie();
    }

    private static LatLon at(double eastM, double northM) {
        return PROJ.toLatLon(new Coordinate(eastM, northM));
    }

    private static Coordinate metres(Waypoint w) {
        return PROJ.toMetres(new LatLon(w.lat(), w.lon()));
    }

    private static List<Coordinate> routeMetres(Sortie s) {
        List<Coordinate> route = new ArrayList<>();
        route.add(new Coordinate(0, 0));
        s.waypoints().forEach(w -> route.add(metres(w)));
        return route;
    }

    private static double routeLengthM(Sortie s) {
        return FACTORY.createLineString(routeMetres(s).toArray(Coordinate[]::new)).getLength();
    }

    private static Site zone(String id, Geometry metres) {
        return Site.of(id, id, SiteCategory.NO_FLY_ZONE, PROJ.toWgs84(metres));
    }

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader(FACTORY).read(text);
    }
}
