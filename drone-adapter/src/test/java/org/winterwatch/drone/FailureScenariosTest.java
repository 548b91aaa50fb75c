package org.winterwatch.drone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mavsdk.geofence.Geofence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.SimClock;
import org.winterwatch.simulator.Simulator;
import org.winterwatch.simulator.SimulatorConfig;
import org.winterwatch.simulator.world.Autopilot;
import org.winterwatch.simulator.world.Failure;
import org.winterwatch.simulator.world.FailureKind;
import org.winterwatch.simulator.world.World;

/**
 * Each failure a scenario can inject: the simulator does what PX4 would, and the link reports it. Time is
 * simulated and driven by hand, so the failures happen at exact simulated times.
 */
class FailureScenariosTest {

    private static final LatLon HOME = new LatLon(40.0905, 113.3345);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant T0 = Instant.parse("2025-01-10T22:00:00Z");

    private final SimClock clock = SimClock.manual(T0);
    private Simulator simulator;
    private MavsdkDroneLink link;

    @AfterEach
    void tearDown() {
        if (link != null) {
            link.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private void start(World world, MavsdkDroneLink.Settings settings) {
        simulator = Simulator.start(new SimulatorConfig(1, 0, HOME, 1, null, null, List.of(), -18, 7, 10).withWorld(world), clock);
        link = new MavsdkDroneLink("drone-1", "127.0.0.1", simulator.grpcPort(0), clock.asClock(), settings);
        done(link.connect(WAIT));
    }

    private void start(World world) {
        start(world, MavsdkDroneLink.Settings.DEFAULTS);
    }

    /** 1.1 km north and back at 40 m. */
    private static List<RoutePoint> outAndBack() {
        return List.of(new RoutePoint(40.1005, 113.3345, 40, 10, true), new RoutePoint(40.0906, 113.3345, 40, 10, false));
    }

    private static void done(CompletionStage<Void> stage) {
        LinkCalls.done(stage, WAIT);
    }

    private static DroneLinkException failure(CompletionStage<Void> stage) {
        return LinkCalls.failure(stage, WAIT);
    }

    private void launch() {
        done(link.uploadMission(outAndBack()));
        await().atMost(WAIT).until(() -> link.state().healthAllOk());
        done(link.arm());
        done(link.startMission());
    }

    /** Steps simulated time to {@code atS} seconds after the start. */
    private void stepTo(double atS) {
        Duration target = Duration.ofMillis(Math.round(atS * 1000));
        while (simulator.elapsed().compareTo(target) < 0) {
            Duration left = target.minus(simulator.elapsed());
            simulator.step(left.compareTo(Duration.ofSeconds(1)) < 0 ? left : Duration.ofSeconds(1));
        }
    }

    private void stepUntil(java.util.function.BooleanSupplier condition) {
        await().atMost(WAIT).until(() -> {
            simulator.step(Duration.ofSeconds(2));
            return condition.getAsBoolean();
        });
    }

    @Test
    void aLinkLostAtTheScenarioTimeIsReportedAndTheDroneIsFoundReturningWhenItComesBack() {
        start(World.CALM.withFailures(List.of(new Failure(60, "drone-1", FailureKind.LINK_LOSS, 40, 0))));
        launch();

        stepTo(59);
        await().atMost(WAIT).until(() -> link.state().inAir() && "MISSION".equals(link.state().flightMode()));
        stepTo(61);
        await().atMost(WAIT).until(() -> !link.state().connected());
        DroneLinkException refused = failure(link.returnToLaunch());
        assertThat(refused.reason()).isEqualTo(DroneLinkException.Reason.TIMEOUT);

        stepTo(101);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(link.state().connected()).isTrue();
            assertThat(link.state().flightMode()).isEqualTo("RETURN_TO_LAUNCH");
            assertThat(link.state().statusText()).contains("no datalink");
        });
    }

    @Test
    void aBatteryFaultInFlightMakesTheDroneReturnAndTheLinkSaysWhy() {
        start(World.CALM);
        launch();
        stepTo(40);

        simulator.inject(0, FailureKind.BATTERY_FAULT, null, 11);
        simulator.step(Duration.ofSeconds(1));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(link.state().flightMode()).isEqualTo("RETURN_TO_LAUNCH");
            assertThat(link.state().batteryPercent()).isLessThan(12);
            assertThat(link.state().statusText()).contains("Low battery");
        });
        stepUntil(() -> !link.state().inAir() && !link.state().armed());
        assertThat(new LatLon(link.state().lat(), link.state().lon()).distanceM(HOME)).isLessThan(1);
    }

    @Test
    void withoutAGpsFixArmingIsRefusedBeforeAnythingIsSent() {
        start(World.CALM);
        done(link.uploadMission(outAndBack()));

        simulator.inject(0, FailureKind.GPS_LOSS, Duration.ofMinutes(5));
        await().atMost(WAIT).until(() -> !link.state().gpsFix());
        DroneLinkException e = failure(link.arm());

        assertThat(e.reason()).isEqualTo(DroneLinkException.Reason.UNHEALTHY);
        assertThat(e.getMessage()).contains("no GPS fix");
        assertThat(simulator.snapshot(0).armed()).isFalse();
    }

    @Test
    void gpsLostInFlightMakesTheDroneLandWhereItIs() {
        start(World.CALM);
        launch();
        stepTo(40);

        simulator.inject(0, FailureKind.GPS_LOSS, Duration.ofMinutes(10));
        simulator.step(Duration.ofSeconds(1));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(link.state().gpsFix()).isFalse();
            assertThat(link.state().flightMode()).isEqualTo("LAND");
        });
        stepUntil(() -> !link.state().inAir());
        assertThat(new LatLon(link.state().lat(), link.state().lon()).distanceM(HOME)).isGreaterThan(50);
    }

    @Test
    void crossingTheUploadedGeofenceMakesTheDroneReturnAndTheLinkReportsIt() {
        start(World.CALM);
        io.mavsdk.System operator = new io.mavsdk.System("127.0.0.1", simulator.grpcPort(0));
        try {
            Geofence.Polygon noFly = new Geofence.Polygon(List.of(new Geofence.Point(40.0950, 113.3330),
                    new Geofence.Point(40.0950, 113.3360), new Geofence.Point(40.0960, 113.3360),
                    new Geofence.Point(40.0960, 113.3330)), Geofence.Polygon.FenceType.EXCLUSION);
            assertThat(operator.getGeofence().uploadGeofence(List.of(noFly)).blockingGet(10, java.util.concurrent.TimeUnit.SECONDS)).isNull();
        } finally {
            operator.dispose();
        }
        launch();

        stepUntil(() -> "RETURN_TO_LAUNCH".equals(link.state().flightMode()));

        // the flight mode and the status text come on separate streams: either may arrive first
        await().atMost(WAIT).untilAsserted(() -> assertThat(link.state().statusText()).contains("Geofence"));
        assertThat(link.state().lat()).isBetween(40.0945, 40.0965);
    }

    @Test
    void anUploadWhoseMissionReadsBackDifferentlyFailsAndSaysSo() {
        start(World.CALM);
        simulator.inject(0, FailureKind.MISSION_MISMATCH, Duration.ofMinutes(5));

        DroneLinkException e = failure(link.uploadMission(outAndBack()));

        assertThat(e.reason()).isEqualTo(DroneLinkException.Reason.MISMATCH);
        assertThat(e.getMessage()).contains("drone-1").contains("upload mission")
                .contains("the mission read back differs from the route");
        // once the vehicle stores what it is sent, the same upload goes through
        simulator.step(Duration.ofMinutes(6));
        done(link.uploadMission(outAndBack()));
    }

    @Test
    void anArduPilotUploadWhoseMissionReadsBackDifferentlyFailsAndSaysSo() {
        start(World.CALM.withAutopilot(Autopilot.ARDUPILOT).withFailures(
                List.of(new Failure(0, "drone-1", FailureKind.MISSION_MISMATCH, 300, 0))));
        simulator.step(Duration.ofSeconds(1));

        DroneLinkException e = failure(link.uploadMission(outAndBack()));

        assertThat(e.reason()).isEqualTo(DroneLinkException.Reason.MISMATCH);
        assertThat(e.getMessage()).contains("drone-1").contains("upload mission (MissionRaw)")
                .contains("the mission read back differs from the route");
    }

    @Test
    void aSilentlyStalledLinkIsDetectedAndReconnected() {
        start(World.CALM, MavsdkDroneLink.Settings.DEFAULTS.withStallTimeout(Duration.ofSeconds(1)));

        simulator.inject(0, FailureKind.TELEMETRY_STALL, Duration.ofMinutes(1));
        await().atMost(WAIT).until(() -> !link.state().connected());
        simulator.step(Duration.ofMinutes(2));

        await().atMost(WAIT).until(() -> link.state().connected());
        done(link.connect(WAIT));
        done(link.uploadMission(outAndBack()));
    }

    @Test
    void anArduPilotDroneGetsItsMissionThroughMissionRawAndFliesIt() {
        start(World.CALM.withAutopilot(Autopilot.ARDUPILOT));
        assertThat(link.autopilot()).isEqualTo(org.winterwatch.drone.Autopilot.ARDUPILOT);

        launch();

        assertThat(link.missionPath()).isEqualTo(MissionPath.MISSION_RAW);
        assertThat(link.state().autopilot()).isEqualTo(org.winterwatch.drone.Autopilot.ARDUPILOT);
        stepUntil(() -> link.state().inAir() && link.state().missionTotal() > 0);
        stepUntil(() -> link.state().missionFinished() && !link.state().inAir());
        assertThat(new LatLon(link.state().lat(), link.state().lon()).distanceM(HOME)).isLessThan(1);
    }

    @Test
    void aPx4DroneGetsItsMissionThroughTheMissionPlugin() {
        start(World.CALM);

        done(link.uploadMission(outAndBack()));

        assertThat(link.autopilot()).isEqualTo(org.winterwatch.drone.Autopilot.PX4);
        assertThat(link.missionPath()).isEqualTo(MissionPath.MISSION);
    }
}
