package org.winterwatch.coordinator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;
import org.winterwatch.coordinator.fleet.InspectionRefusal.Reason;
import org.winterwatch.drone.Autopilot;
import org.winterwatch.drone.DroneState;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;
import org.winterwatch.missions.InspectionPlanner;
import org.winterwatch.missions.Waypoint;

/** Which drone a tip sends: pure logic over drone state snapshots, positions in metres around the tip. */
class InspectionChoiceTest {

    private static final LatLon TIP = new LatLon(40.0950, 113.3380);
    private static final LocalProjection PROJ = LocalProjection.centredOn(TIP);
    private static final Instant T0 = Instant.parse("2025-01-10T22:00:00Z");
    private static final InspectionSettings ON = InspectionSettings.defaults().withEnabled(true);

    private final InspectionChoice choice = choice(ON, List.of());

    @Test
    void sendsTheNearestFreeDrone() {
        // given three drones on the ground, 1.5 km, 0.4 km and 0.9 km from the tip
        List<DroneState> drones = List.of(ground("drone-1", 1500, 0, 100), ground("drone-2", 0, -400, 100),
                ground("drone-3", -900, 0, 100));
        // when
        InspectionChoice.Chosen chosen = chosen(choice.choose("a-1", TIP, drones, Map.of()));
        // then the one 0.4 km away goes, and its sortie orbits the tip with the camera on and ends where it stands
        assertThat(chosen.droneId()).isEqualTo("drone-2");
        assertThat(chosen.droneIndex()).isEqualTo(1);
        assertThat(chosen.distanceM()).isCloseTo(400, within(1.0));
        assertThat(chosen.sortie().waypoints().stream().filter(Waypoint::cameraOn))
                .allSatisfy(w -> assertThat(new LatLon(w.lat(), w.lon()).distanceM(TIP)).isCloseTo(20, within(1.0)));
        Waypoint last = chosen.sortie().waypoints().get(chosen.sortie().waypoints().size() - 1);
        assertThat(new LatLon(last.lat(), last.lon()).distanceM(position(drones.get(1)))).isLessThan(0.5);
    }

    @Test
    void skipsDronesBusyWithASweepOrAnotherInspection() {
        List<DroneState> drones = List.of(ground("drone-1", 300, 0, 100), ground("drone-2", 600, 0, 100),
                ground("drone-3", 900, 0, 100));

        InspectionChoice.Choice third = choice.choose("a-2", TIP, drones,
                Map.of("drone-1", "sweep", "drone-2", "inspection for alert a-1"));
        InspectionChoice.Choice none = choice.choose("a-2", TIP, drones,
                Map.of("drone-1", "sweep", "drone-2", "inspection for alert a-1", "drone-3", "sweep"));

        assertThat(chosen(third).droneId()).isEqualTo("drone-3");
        assertThat(refusal(none).reason()).isEqualTo(Reason.ALL_DRONES_BUSY);
        assertThat(refusal(none).message()).isEqualTo(
                "all 3 connected drones are busy: drone-1 sweep, drone-2 inspection for alert a-1, drone-3 sweep");
    }

    @Test
    void skipsDronesBelowTheMinimumBattery() {
        List<DroneState> drones = List.of(ground("drone-1", 300, 0, 35), ground("drone-2", 600, 0, 80));

        InspectionChoice.Choice second = choice.choose("a-3", TIP, drones, Map.of());
        InspectionChoice.Choice none = choice.choose("a-3", TIP, drones.subList(0, 1), Map.of());

        assertThat(chosen(second).droneId()).isEqualTo("drone-2");
        assertThat(refusal(none).reason()).isEqualTo(Reason.LOW_BATTERY);
        assertThat(refusal(none).message()).isEqualTo("no free drone has the 50 % battery an inspection needs: drone-1 at 35 %");
    }

    @Test
    void aDroneWhoseBatteryCannotHoldTheRoundTripAndItsReserveIsPassedOver() {
        // given 2.9 km to go: about 11 minutes there and back, more than 55 % of a 25-minute battery less 20 %
        DroneState halfFull = ground("drone-1", 2900, 0, 55);
        DroneState full = ground("drone-2", 0, 2950, 100);

        InspectionChoice.Choice next = choice.choose("a-4", TIP, List.of(halfFull, full), Map.of());
        InspectionChoice.Choice none = choice.choose("a-4", TIP, List.of(halfFull), Map.of());

        assertThat(chosen(next).droneId()).isEqualTo("drone-2");
        assertThat(refusal(none).reason()).isEqualTo(Reason.LOW_BATTERY);
        assertThat(refusal(none).message()).startsWith("drone-1 at 55 % cannot fly the ")
                .endsWith(" min inspection and keep its 20 % reserve");
    }

    @Test
    void refusesWhenTheNearestFreeDroneIsBeyondTheRange() {
        List<DroneState> drones = List.of(ground("drone-1", 0, 7000, 100), ground("drone-2", 6200, 0, 100));

        InspectionRefusal refusal = refusal(choice.choose("a-5", TIP, drones, Map.of()));

        assertThat(refusal.reason()).isEqualTo(Reason.OUT_OF_RANGE);
        assertThat(refusal.message()).isEqualTo(
                "the nearest free drone, drone-2, is 6.2 km away, beyond the 3.0 km inspection range");
    }

    @Test
    void refusesAPointInsideANoFlyZoneNamingIt() throws Exception {
        Site zone = Site.of("nfz-1", "substation", SiteCategory.NO_FLY_ZONE,
                PROJ.toWgs84(new WKTReader().read("POLYGON ((-100 -100, 100 -100, 100 100, -100 100, -100 -100))")));
        InspectionChoice guarded = choice(ON, List.of(zone));

        InspectionRefusal refusal = refusal(guarded.choose("a-6", TIP, List.of(ground("drone-1", 500, 0, 100)), Map.of()));

        assertThat(refusal.reason()).isEqualTo(Reason.INSIDE_NO_FLY_ZONE);
        assertThat(refusal.message()).isEqualTo("the point is inside no-fly zone nfz-1");
    }

    @Test
    void refusesWhenNoDroneIsConnected() {
        DroneState lost = new DroneState("drone-1", false, TIP.lat(), TIP.lon(), 0, 100, false, false, "READY", 0, 0, T0);

        InspectionRefusal none = refusal(choice.choose("a-7", TIP, List.of(lost), Map.of()));
        InspectionRefusal noFleet = refusal(choice.choose("a-7", TIP, List.of(), Map.of()));

        assertThat(none.reason()).isEqualTo(Reason.NO_DRONE_CONNECTED);
        assertThat(none.message()).isEqualTo("no drone is connected (1 configured)");
        assertThat(noFleet.message()).isEqualTo("no drone is configured");
    }

    @Test
    void dronesInTheAirArmedOrWithoutAFixAreNotFree() {
        DroneState flying = state("drone-1", 100, 0, 90, true, true, true);
        DroneState armed = state("drone-2", 200, 0, 90, true, true, false);
        DroneState noFix = state("drone-3", 300, 0, 90, false, false, false);

        InspectionRefusal refusal = refusal(choice.choose("a-8", TIP, List.of(flying, armed, noFix), Map.of()));

        assertThat(refusal.reason()).isEqualTo(Reason.NO_DRONE_READY);
        assertThat(refusal.message()).isEqualTo(
                "no free drone is ready to take off: drone-1 is in the air, drone-2 is armed, drone-3 has no position fix");
    }

    @Test
    void sendsNothingWhileSwitchedOff() {
        InspectionChoice off = choice(InspectionSettings.defaults(), List.of());

        InspectionRefusal refusal = refusal(off.choose("a-9", TIP, List.of(ground("drone-1", 100, 0, 100)), Map.of()));

        assertThat(refusal.reason()).isEqualTo(Reason.DISABLED);
    }

    private static InspectionChoice choice(InspectionSettings settings, List<Site> zones) {
        return new InspectionChoice(settings, new InspectionPlanner(settings.flight(), zones));
    }

    private static DroneState ground(String id, double eastM, double northM, double batteryPercent) {
        return state(id, eastM, northM, batteryPercent, true, false, false);
    }

    private static DroneState state(String id, double eastM, double northM, double batteryPercent, boolean gpsFix,
                                    boolean armed, boolean inAir) {
        LatLon p = PROJ.toLatLon(new Coordinate(eastM, northM));
        return new DroneState(id, true, p.lat(), p.lon(), inAir ? 40 : 0, batteryPercent, armed, inAir,
                inAir ? "MISSION" : "READY", 0, 0, T0, gpsFix, true, true, Double.NaN, Double.NaN, "", Autopilot.PX4);
    }

    private static LatLon position(DroneState s) {
        return new LatLon(s.lat(), s.lon());
    }

    private static InspectionChoice.Chosen chosen(InspectionChoice.Choice choice) {
        assertThat(choice).isInstanceOf(InspectionChoice.Chosen.class);
        return (InspectionChoice.Chosen) choice;
    }

    private static InspectionRefusal refusal(InspectionChoice.Choice choice) {
        assertThat(choice).isInstanceOf(InspectionChoice.Refused.class);
        return ((InspectionChoice.Refused) choice).refusal();
    }
}
