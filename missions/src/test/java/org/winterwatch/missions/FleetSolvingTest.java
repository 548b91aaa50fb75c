package org.winterwatch.missions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.missions.allocation.SolverSettings;
import org.winterwatch.missions.fleet.Base;
import org.winterwatch.missions.fleet.Fleet;
import org.winterwatch.missions.fleet.FleetDrone;

/** The solver's plans over the demo layer (25 sites along the Yuhe): a second or so each. */
class FleetSolvingTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final LatLon NORTH = new LatLon(40.108, 113.338);
    private static final LatLon SOUTH = new LatLon(40.074, 113.336);

    private final SiteLayer demo = SiteLayers.demoLayer();
    private final FleetPlanner planner = new FleetPlanner(FleetParameters.defaults(), Clock.systemUTC());

    /** One drone in the north, two in the south, short batteries so that each flies several sorties. */
    private static Fleet twoBases(double enduranceMin) {
        return new Fleet(List.of(new Base("north", NORTH), new Base("south", SOUTH)),
                List.of(new FleetDrone("n1", "north", enduranceMin, 10), new FleetDrone("s1", "south", enduranceMin, 10),
                        new FleetDrone("s2", "south", enduranceMin, 12)), 0.2, 5);
    }

    private static FleetRequest coldNight(Fleet fleet) {
        return FleetRequest.of(fleet).at(-20).solvedWith(SolverSettings.within(Duration.ofSeconds(2)));
    }

    private FleetPlan plan(SiteLayer layer, FleetRequest request) {
        return planner.plan(layer, null, request, PlanProgress.NONE);
    }

    @Test
    void everySortieFliesFromItsDronesBaseAndBackWithinItsDeratedBattery() {
        FleetPlan plan = plan(demo, coldNight(twoBases(12)));

        // 12 min x 60 x 0.7375 (-20 C) x 0.8 (reserve)
        assertThat(plan.drones()).extracting(PlannedDrone::usableS).allSatisfy(u -> assertThat(u).isCloseTo(424.8, within(1e-9)));
        assertThat(plan.sorties()).isNotEmpty().allSatisfy(s -> {
            PlannedDrone drone = plan.drone(s.droneIndex());
            assertThat(s.durationS()).as("%s sortie %d", drone.id(), s.number()).isLessThanOrEqualTo(drone.usableS() + 1e-6);
            Waypoint last = s.waypoints().get(s.waypoints().size() - 1);
            assertThat(last.lat()).isCloseTo(drone.base().lat(), within(1e-7));
            assertThat(last.lon()).isCloseTo(drone.base().lon(), within(1e-7));
        });
        assertThat(plan.sorties().stream().map(s -> plan.drone(s.droneIndex()).baseId()).collect(Collectors.toSet()))
                .as("both bases fly").containsExactlyInAnyOrder("north", "south");
    }

    @Test
    void everyReachableSiteIsSweptByExactlyOneDroneAndTheRestAreReported() {
        // batteries long enough for every demo site in one sortie (at 12 min the largest are flown in parts)
        FleetPlan plan = plan(demo, coldNight(twoBases(20)));

        Set<String> swept = plan.sorties().stream().flatMap(s -> s.siteIds().stream()).collect(Collectors.toSet());
        Set<String> leftOut = plan.unassigned().stream().map(UnassignedSite::siteId).collect(Collectors.toSet());
        assertThat(leftOut).isEmpty();
        assertThat(swept).isEqualTo(demo.patrolSites().stream().map(Site::id).collect(Collectors.toSet()));
        for (String id : swept) {
            assertThat(plan.sorties().stream().filter(s -> s.siteIds().contains(id)).map(Sortie::droneIndex).distinct())
                    .as(id).hasSize(1);
        }
    }

    @Test
    void aSiteBeyondEveryBasesReachIsReportedWithTheReason() {
        List<Site> sites = new ArrayList<>(demo.sites());
        sites.add(Site.of("far-01", "far away", SiteCategory.STATION,
                FACTORY.createPoint(new Coordinate(113.338, 40.30))));

        FleetPlan plan = plan(new SiteLayer(sites), coldNight(twoBases(12)));

        assertThat(plan.unassigned()).singleElement().satisfies(u -> {
            assertThat(u.siteId()).isEqualTo("far-01");
            assertThat(u.reason()).startsWith("out of reach of every base").contains("one battery gives 425 s");
        });
        assertThat(plan.sorties()).noneMatch(s -> s.siteIds().contains("far-01"));
    }

    @Test
    void theColdShortensEverySortieAndTheMakespanCountsTheBatteryChanges() {
        FleetPlan mild = plan(demo, FleetRequest.of(twoBases(12)).solvedWith(SolverSettings.within(Duration.ofSeconds(2))));
        FleetPlan cold = plan(demo, coldNight(twoBases(12)));

        assertThat(cold.drone(0).usableS() / mild.drone(0).usableS()).isCloseTo(0.7375, within(1e-9));
        assertThat(cold.sorties().size()).isGreaterThan(mild.sorties().size());
        int busiest = 0;
        for (int d = 1; d < cold.drones().size(); d++) {
            busiest = cold.busyS(d) > cold.busyS(busiest) ? d : busiest;
        }
        assertThat(cold.makespanS()).isCloseTo(cold.durationS(busiest) + (cold.sortiesOf(busiest).size() - 1) * 300.0,
                within(1e-6));
    }

    @Test
    void aSweepLongerThanAnyBatteryIsFlownInPartsEachOnce() {
        // a lot of 400 m x 300 m beside the northern base: some 4 km of passes, where a 7 min battery at -20 C
        // flies 2.2 km out and back
        Site lot = Site.of("lot-01", "big lot", SiteCategory.CONSTRUCTION_SITE, FACTORY.createPolygon(new Coordinate[] {
                new Coordinate(113.3385, 40.1085), new Coordinate(113.3432, 40.1085), new Coordinate(113.3432, 40.1112),
                new Coordinate(113.3385, 40.1112), new Coordinate(113.3385, 40.1085)}));
        Fleet fleet = new Fleet(List.of(new Base("north", NORTH)), List.of(new FleetDrone("n1", "north", 7, 10)), 0.2, 5);

        FleetPlan plan = plan(new SiteLayer(List.of(lot)), coldNight(fleet));

        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.sorties()).hasSizeGreaterThan(1).allSatisfy(s -> {
            assertThat(s.siteIds()).containsExactly("lot-01");
            assertThat(s.durationS()).isLessThanOrEqualTo(plan.drone(0).usableS() + 1e-6);
        });
        double cameraOnM = plan.sorties().stream().mapToDouble(PlanSummary::cameraOnM).sum();
        // (great-circle metres against the planner's projected ones: a few metres apart over 4 km)
        assertThat(cameraOnM).as("every part of the sweep flown once").isCloseTo(plan.coverages().get(0).lengthM(),
                withinPercentage(0.5));
    }

    @Test
    void aBaseInsideANoFlyZoneIsRefused() {
        Fleet fleet = new Fleet(List.of(new Base("zone", new LatLon(40.1, 113.342))),
                List.of(new FleetDrone("z1", "zone", 25, 10)), 0.2, 5);

        assertThatThrownBy(() -> plan(demo, coldNight(fleet))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base zone").hasMessageContaining("no-fly zone");
    }

    @Test
    void theGeoJsonCarriesBasesUsableTimeAndTheMakespanAndEachQgcPlanItsDronesBase() throws Exception {
        FleetPlan plan = plan(demo, coldNight(twoBases(12)));

        JsonNode json = new ObjectMapper().readTree(PlanGeoJson.write(plan, demo));

        assertThat(json.get("makespan_s").asDouble()).isCloseTo(plan.makespanS(), within(0.05));
        List<JsonNode> routes = new ArrayList<>();
        json.get("features").forEach(f -> {
            if ("route".equals(f.at("/properties/kind").asText())) {
                routes.add(f);
            }
        });
        assertThat(routes).hasSize(plan.sorties().size()).allSatisfy(r -> {
            JsonNode props = r.get("properties");
            String base = props.get("drone").asText().startsWith("n") ? "north" : "south";
            assertThat(props.get("base").asText()).isEqualTo(base);
            assertThat(props.get("usable_s").asDouble()).isEqualTo(424.8);
            assertThat(props.get("duration_s").asDouble()).isLessThanOrEqualTo(424.8);
            LatLon home = base.equals("north") ? NORTH : SOUTH;
            assertThat(r.at("/geometry/coordinates/0/0").asDouble()).isEqualTo(home.lon());
            assertThat(r.at("/geometry/coordinates/0/1").asDouble()).isEqualTo(home.lat());
        });
        for (int d = 0; d < plan.drones().size(); d++) {
            JsonNode qgc = new ObjectMapper().readTree(QgcPlan.forDrone(plan, demo, d));
            assertThat(qgc.at("/mission/plannedHomePosition/0").asDouble()).isEqualTo(plan.homeOf(d).lat());
            assertThat(qgc.at("/mission/plannedHomePosition/1").asDouble()).isEqualTo(plan.homeOf(d).lon());
        }
    }
}
