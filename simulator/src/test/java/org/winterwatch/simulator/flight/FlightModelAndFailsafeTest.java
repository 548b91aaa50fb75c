package org.winterwatch.simulator.flight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.world.Wind;

/** The flight model's limits, its battery in wind and cold, and the PX4-like failsafes, in hand-driven time. */
class FlightModelAndFailsafeTest {

    private static final LatLon HOME = new LatLon(40.0905, 113.3345);
    private Instant now = Instant.parse("2025-01-10T22:00:00Z");

    private SimDrone drone(Wind wind, double ambientTempC) {
        return new SimDrone("drone-1", HOME, 10, now, wind, ambientTempC);
    }

    /** 1.1 km north and back at 40 m. */
    private static List<SimWaypoint> outAndBack() {
        return List.of(
                new SimWaypoint(40.1005, 113.3345, 40, 10, CameraCommand.NONE),
                new SimWaypoint(40.0906, 113.3345, 40, 10, CameraCommand.NONE));
    }

    private void fly(SimDrone d, double seconds) {
        for (int i = 0; i < Math.round(seconds * 10); i++) {
            now = now.plusMillis(100);
            d.step(0.1, now);
        }
    }

    private SimDrone launched(SimDrone d, List<SimWaypoint> mission) {
        d.uploadMission(mission);
        d.arm();
        assertThat(d.startMission()).isEqualTo(CommandResult.SUCCESS);
        return d;
    }

    private double batteryUsedForMission(SimDrone d) {
        launched(d, outAndBack());
        for (int s = 0; s < 1200 && d.snapshot().inAir(); s++) {
            fly(d, 1);
        }
        assertThat(d.snapshot().inAir()).isFalse();
        return 1 - d.snapshot().batteryFraction();
    }

    @Test
    void climbAndHorizontalAccelerationStayWithinTheLimits() {
        SimDrone d = launched(drone(Wind.CALM, 15), outAndBack());

        fly(d, 2);
        assertThat(d.snapshot().relAltitudeM()).isLessThanOrEqualTo(2 * SimDrone.CLIMB_MPS + 0.01);
        double maxAcceleration = 0;
        double maxClimb = 0;
        double topSpeed = 0;
        DroneSnapshot before = d.snapshot();
        for (int i = 0; i < 600; i++) {
            fly(d, 0.1);
            DroneSnapshot after = d.snapshot();
            double dv = Math.hypot(after.northMps() - before.northMps(), after.eastMps() - before.eastMps());
            maxAcceleration = Math.max(maxAcceleration, dv / 0.1);
            maxClimb = Math.max(maxClimb, -after.downMps());
            topSpeed = Math.max(topSpeed, after.groundSpeedMps());
            before = after;
        }
        assertThat(maxAcceleration).isLessThanOrEqualTo(SimDrone.ACCELERATION_MPS2 + 1e-6);
        assertThat(maxClimb).isLessThanOrEqualTo(SimDrone.CLIMB_MPS + 1e-6);
        assertThat(topSpeed).isCloseTo(10, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void theMaximumSpeedCapsTheItemSpeed() {
        SimDrone d = drone(Wind.CALM, 15);
        assertThat(d.setMaximumSpeed(6)).isEqualTo(CommandResult.SUCCESS);
        launched(d, outAndBack());

        fly(d, 40);

        assertThat(d.snapshot().groundSpeedMps()).isCloseTo(6, org.assertj.core.data.Offset.offset(0.01));
        assertThat(d.setMaximumSpeed(50)).isEqualTo(CommandResult.INVALID_ARGUMENT);
    }

    @Test
    void aStrongWindCostsMoreBatteryForTheSameMission() {
        double calm = batteryUsedForMission(drone(Wind.CALM, 15));
        double windy = batteryUsedForMission(drone(new Wind(9, 0, 3), 15));

        assertThat(windy).isGreaterThan(calm * 1.15);
    }

    @Test
    void aBatteryHoldsLessAtMinusTwentyDegrees() {
        double mild = batteryUsedForMission(drone(Wind.CALM, 15));
        double cold = batteryUsedForMission(drone(Wind.CALM, -20));

        assertThat(SimDrone.capacityFactor(-20)).isBetween(0.7, 0.8);
        assertThat(cold).isCloseTo(mild / SimDrone.capacityFactor(-20), org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void aLinkLostForLongerThanTheTimeoutMakesTheDroneReturn() {
        SimDrone d = launched(drone(Wind.CALM, -10), outAndBack());
        fly(d, 30);

        d.setLinkUp(false);
        fly(d, SimDrone.LINK_LOSS_TIMEOUT_S - 2);
        assertThat(d.snapshot().mode()).isEqualTo(FlightMode.MISSION);
        fly(d, 3);

        assertThat(d.snapshot().mode()).isEqualTo(FlightMode.RETURN_TO_LAUNCH);
        assertThat(d.snapshot().statusText()).contains("no datalink");
        d.setLinkUp(true);
        fly(d, 5);
        assertThat(d.snapshot().mode()).as("no resuming without an operator").isEqualTo(FlightMode.RETURN_TO_LAUNCH);
    }

    @Test
    void aShortLinkDropDoesNotInterruptTheMission() {
        SimDrone d = launched(drone(Wind.CALM, -10), outAndBack());
        fly(d, 30);

        d.setLinkUp(false);
        fly(d, 5);
        d.setLinkUp(true);
        fly(d, 10);

        assertThat(d.snapshot().mode()).isEqualTo(FlightMode.MISSION);
    }

    @Test
    void losingGpsInFlightMakesTheDroneLandWhereItIsAndArmingIsRefusedWithoutAFix() {
        SimDrone d = launched(drone(new Wind(5, 270, 0), -10), outAndBack());
        fly(d, 40);

        d.setGpsOk(false);
        fly(d, 1);
        assertThat(d.snapshot().mode()).isEqualTo(FlightMode.LAND);
        for (int s = 0; s < 120 && d.snapshot().inAir(); s++) {
            fly(d, 1);
        }

        DroneSnapshot landed = d.snapshot();
        assertThat(landed.inAir()).isFalse();
        assertThat(new LatLon(landed.lat(), landed.lon()).distanceM(HOME)).isGreaterThan(100);
        assertThat(landed.armable()).isFalse();
        assertThat(d.arm()).isEqualTo(CommandResult.DENIED);
    }

    @Test
    void crossingAnExclusionFenceBetweenItemsMakesTheDroneReturn() {
        SimDrone d = drone(Wind.CALM, -10);
        // a no-fly box across the leg north, away from both items
        d.uploadGeofence(List.of(new FencePolygon(List.of(new LatLon(40.0950, 113.3330), new LatLon(40.0950, 113.3360),
                new LatLon(40.0960, 113.3360), new LatLon(40.0960, 113.3330)), false)));
        launched(d, outAndBack());

        for (int s = 0; s < 200 && d.snapshot().mode() == FlightMode.MISSION; s++) {
            fly(d, 1);
        }

        DroneSnapshot s = d.snapshot();
        assertThat(s.mode()).isEqualTo(FlightMode.RETURN_TO_LAUNCH);
        assertThat(s.statusText()).contains("Geofence");
        assertThat(s.lat()).isBetween(40.0949, 40.0961);
    }

    @Test
    void aMissionWithAnItemOutsideTheInclusionFenceIsRefusedAtStart() {
        SimDrone d = drone(Wind.CALM, -10);
        d.uploadGeofence(List.of(new FencePolygon(List.of(new LatLon(40.0890, 113.3330), new LatLon(40.0890, 113.3360),
                new LatLon(40.0950, 113.3360), new LatLon(40.0950, 113.3330)), true)));
        d.uploadMission(outAndBack());
        d.arm();

        assertThat(d.startMission()).isEqualTo(CommandResult.FENCE_VIOLATION);
    }

    @Test
    void criticalBatteryLandsWhereTheDroneIs() {
        SimDrone d = launched(drone(Wind.CALM, -10), outAndBack());
        fly(d, 40);

        d.injectBatteryFraction(0.02);
        fly(d, 0.2);

        assertThat(d.snapshot().mode()).isEqualTo(FlightMode.LAND);
        assertThat(d.snapshot().statusText()).contains("Critical battery");
    }
}
