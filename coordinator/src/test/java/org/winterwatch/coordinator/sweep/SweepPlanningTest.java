package org.winterwatch.coordinator.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.winterwatch.drone.Autopilot;
import org.winterwatch.drone.DroneState;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.Site;
import org.winterwatch.missions.FleetParameters;
import org.winterwatch.missions.fleet.Base;
import org.winterwatch.missions.fleet.ColdDerate;
import org.winterwatch.missions.fleet.Fleet;
import org.winterwatch.missions.fleet.FleetDrone;
import org.winterwatch.simulator.SimulatorConfig;

/** Sorties in {@code serve} are planned on what the batteries give in the weather in force. */
class SweepPlanningTest {

    @Test
    void aColdNightShortensEverySortieAsTheSimulatorsBatteryDoes() {
        AtomicReference<Double> weather = new AtomicReference<>(15.0);
        SweepPlanning planning = new SweepPlanning(SiteLayers.demoLayer(), FleetParameters.defaults(), weather::get,
                ColdDerate.SIMULATOR);
        double mildS = planning.atAltitude(40).usableSortieS();

        weather.set(-20.0);
        double coldS = planning.atAltitude(40).usableSortieS();

        // 25 min x 0.8 (reserve) = 1,200 s; at -20 C the battery gives 1 - 0.0075 x 35 = 0.7375 of it
        assertThat(mildS).isCloseTo(1200, within(0.5));
        assertThat(coldS).isCloseTo(1200 * 0.7375, within(0.5));
    }

    @Test
    void theFirstSortieOfAColdNightCarriesFewerSites() {
        AtomicReference<Double> weather = new AtomicReference<>(15.0);
        SweepPlanning planning = new SweepPlanning(SiteLayers.demoLayer(), FleetParameters.defaults(), weather::get,
                ColdDerate.SIMULATOR);
        var every = SiteLayers.demoLayer().patrolSites().stream().map(Site::id).toList();

        int mild = planning.atAltitude(40).next("drone-1", every, SimulatorConfig.DEMO_HOME, Autopilot.PX4).siteIds().size();
        weather.set(-25.0);
        int cold = planning.atAltitude(40).next("drone-1", every, SimulatorConfig.DEMO_HOME, Autopilot.PX4).siteIds().size();

        assertThat(cold).isPositive().isLessThan(mild);
    }

    @Test
    void withAFleetFileEachDronesSortiesArePlannedOnItsOwnBatteryInTheCold() {
        Fleet fleet = new Fleet(List.of(NORTH), List.of(new FleetDrone("long", "north", 40, 12),
                new FleetDrone("short", "north", 12, 8)), 0.2, 5);
        SweepPlanning planning = new SweepPlanning(SiteLayers.demoLayer(), FleetParameters.defaults(), () -> -20.0,
                ColdDerate.SIMULATOR, new BasedFleet(fleet, Duration.ofSeconds(1)));

        // endurance x 60 x 0.7375 (the cold) x 0.8 (the fleet's reserve)
        assertThat(planning.usableSortieS("long")).isCloseTo(40 * 60 * 0.7375 * 0.8, within(0.5));
        assertThat(planning.usableSortieS("short")).isCloseTo(12 * 60 * 0.7375 * 0.8, within(0.5));
        var every = SiteLayers.demoLayer().patrolSites().stream().map(Site::id).toList();
        int longSites = planning.next("long", every, NORTH.position(), Autopilot.PX4).siteIds().size();
        int shortSites = planning.next("short", every, NORTH.position(), Autopilot.PX4).siteIds().size();
        assertThat(shortSites).isPositive().isLessThan(longSites);
    }

    @Test
    void aDroppedDronesSitesGoEachToTheDroneOfTheNearestBase() {
        Fleet fleet = new Fleet(List.of(NORTH, SOUTH), List.of(new FleetDrone("north-1", "north", 25, 10),
                new FleetDrone("south-1", "south", 25, 10), new FleetDrone("south-2", "south", 25, 10)), 0.2, 5);
        SweepPlanning planning = new SweepPlanning(SiteLayers.demoLayer(), FleetParameters.defaults(), () -> 5.0,
                ColdDerate.SIMULATOR, new BasedFleet(fleet, Duration.ofSeconds(1)));

        Map<String, String> to = planning.handOver(List.of("br-05", "cv-03", "br-01", "cv-01", "cs-03"),
                List.of("north-1", "south-1", "south-2"), List.of());

        assertThat(to).containsEntry("br-05", "north-1").containsEntry("cv-03", "north-1");
        // the south base's two drones take its three sites in turn
        assertThat(List.of(to.get("br-01"), to.get("cv-01"), to.get("cs-03"))).containsOnly("south-1", "south-2")
                .contains("south-1", "south-2");
    }

    @Test
    void aDroneIsPlannedFromItsBaseOnlyWhenItStandsThere() {
        Fleet fleet = new Fleet(List.of(NORTH), List.of(new FleetDrone("north-1", "north", 25, 10)), 0.2, 5);
        BasedFleet based = new BasedFleet(fleet, Duration.ofSeconds(1));
        Instant now = Instant.parse("2025-01-10T22:00:00Z");

        assertThat(based.awayFromBase(at("north-1", 40.1101, 113.3361, now))).as("some 14 m off").isEmpty();
        assertThat(based.awayFromBase(at("north-1", 40.0720, 113.3360, now))).hasValueSatisfying(why ->
                assertThat(why).startsWith("stands 4225 m from its base 'north' in the fleet file (at most 250 m)"));
        assertThat(based.awayFromBase(at("other", 40.1100, 113.3360, now))).contains("not in the fleet file");
    }

    private static DroneState at(String droneId, double lat, double lon, Instant now) {
        return new DroneState(droneId, true, lat, lon, 0, 100, false, false, "HOLD", 0, 0, now);
    }

    private static final Base NORTH = new Base("north", new LatLon(40.1100, 113.3360));
    private static final Base SOUTH = new Base("south", new LatLon(40.0720, 113.3360));
}
