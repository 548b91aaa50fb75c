package org.winterwatch.simulator.flight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;

class SimDroneTest {

    private static final LatLon HOME = new LatLon(40.0905, 113.3345);
    private Instant now = Instant.parse("2025-01-10T22:00:00Z");
    private final SimDrone drone = new SimDrone("drone-1", HOME, 10, now);

    private static List<SimWaypoint> square() {
        return List.of(
                new SimWaypoint(40.0910, 113.3345, 40, 10, CameraCommand.START),
                new SimWaypoint(40.0910, 113.3355, 40, 10, CameraCommand.NONE),
                new SimWaypoint(40.0900, 113.3355, 40, 10, CameraCommand.NONE),
                new SimWaypoint(40.0900, 113.3345, 40, 10, CameraCommand.STOP));
    }

    private void fly(double seconds) {
        for (int i = 0; i < seconds; i++) {
            now = now.plusSeconds(1);
            drone.step(1, now);
        }
    }

    @Test
    void startWithoutMissionIsRefusedAsNoMission() {
        drone.arm();

        assertThat(drone.startMission()).isEqualTo(CommandResult.NO_MISSION);
    }

    @Test
    void startOnDisarmedDroneIsDenied() {
        drone.uploadMission(square());

        assertThat(drone.startMission()).isEqualTo(CommandResult.DENIED);
    }

    @Test
    void fliesTheMissionThenReturnsLandsAndDisarms() {
        drone.uploadMission(square());
        drone.arm();
        assertThat(drone.startMission()).isEqualTo(CommandResult.SUCCESS);

        fly(20);
        DroneSnapshot climbing = drone.snapshot();
        assertThat(climbing.inAir()).isTrue();
        assertThat(climbing.mode()).isEqualTo(FlightMode.MISSION);
        assertThat(climbing.relAltitudeM()).isGreaterThan(10);

        for (int s = 0; s < 600 && drone.snapshot().inAir(); s++) {
            fly(1);
        }
        DroneSnapshot done = drone.snapshot();
        assertThat(done.missionFinished()).isTrue();
        assertThat(done.missionCurrent()).isEqualTo(4);
        assertThat(done.inAir()).isFalse();
        assertThat(done.armed()).isFalse();
        assertThat(done.lat()).isCloseTo(HOME.lat(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(done.batteryFraction()).isLessThan(1.0).isGreaterThan(0.9);
    }

    @Test
    void holdsAfterMissionWhenReturnToLaunchIsOff() {
        drone.setReturnAfterMission(false);
        drone.uploadMission(square());
        drone.arm();
        drone.startMission();

        fly(300);

        assertThat(drone.snapshot().mode()).isEqualTo(FlightMode.HOLD);
        assertThat(drone.snapshot().inAir()).isTrue();
    }

    @Test
    void armIsRefusedBelowTenPercentBattery() {
        drone.injectBatteryFraction(0.08);

        assertThat(drone.arm()).isEqualTo(CommandResult.DENIED);
        assertThat(drone.snapshot().armed()).isFalse();
    }

    @Test
    void lowBatteryInFlightTriggersReturnToLaunch() {
        drone.uploadMission(square());
        drone.arm();
        drone.startMission();
        fly(15);

        drone.injectBatteryFraction(0.11);
        fly(1);

        assertThat(drone.snapshot().mode()).isEqualTo(FlightMode.RETURN_TO_LAUNCH);
    }

    @Test
    void batteryIsSwappedAfterStandingOnTheGround() {
        drone.injectBatteryFraction(0.2);

        fly(SimDrone.BATTERY_SWAP_S + 1);

        assertThat(drone.snapshot().batteryFraction()).isEqualTo(1.0);
    }

    @Test
    void oneLongStepPassesSeveralItemsInOrder() {
        drone.uploadMission(square());
        drone.arm();
        drone.startMission();

        now = now.plusSeconds(40);
        drone.step(40, now);

        assertThat(drone.snapshot().missionCurrent()).isGreaterThanOrEqualTo(2);
    }
}
