package org.winterwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mavsdk.System;
import io.mavsdk.mission.Mission;
import io.mavsdk.telemetry.Telemetry;
import io.reactivex.disposables.CompositeDisposable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;

/**
 * An operator's own MAVSDK-Java program, written against {@code io.mavsdk.System} as if it talked to a
 * {@code mavsdk_server} next to a PX4 drone, flying a mission on the simulator from upload to landing.
 * The simulated clock is driven by hand; the program only uses MAVSDK.
 */
class OperatorMissionProgramTest {

    private static final LatLon HOME = new LatLon(40.0905, 113.3345);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final SimClock clock = SimClock.manual(Instant.parse("2025-01-10T22:00:00Z"));
    private final Simulator simulator = Simulator.start(
            new SimulatorConfig(1, 0, HOME, 1, null, null, List.of(), -18, 7, 10), clock);
    private final CompositeDisposable subscriptions = new CompositeDisposable();
    private final System drone = new System("127.0.0.1", simulator.grpcPort(0));

    @BeforeEach
    void pluginsReady() {
        MavsdkPlugins.awaitReady(drone);
    }

    @AfterEach
    void tearDown() {
        subscriptions.dispose();
        drone.dispose();
        simulator.close();
    }

    /** The operator's program: a 6-waypoint sweep at 40 m, flown through, camera on, home afterwards. */
    private static Mission.MissionPlan sweep() {
        double[][] points = {{40.0912, 113.3345}, {40.0920, 113.3345}, {40.0920, 113.3352}, {40.0912, 113.3352},
            {40.0912, 113.3359}, {40.0920, 113.3359}};
        List<Mission.MissionItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            items.add(new Mission.MissionItem(points[i][0], points[i][1], 40f, 8f, true, -90f, Float.NaN,
                    i == 0 ? Mission.MissionItem.CameraAction.START_VIDEO : Mission.MissionItem.CameraAction.NONE,
                    Float.NaN, 1.0, Float.NaN, Float.NaN, Float.NaN));
        }
        return new Mission.MissionPlan(items);
    }

    @Test
    void operatorProgramUploadsVerifiesArmsFliesToTheLastItemAndComesHomeOnADrainedBattery() {
        List<Integer> progress = new CopyOnWriteArrayList<>();
        List<Telemetry.FlightMode> modes = new CopyOnWriteArrayList<>();
        AtomicReference<Float> battery = new AtomicReference<>(Float.NaN);
        AtomicReference<Telemetry.Position> position = new AtomicReference<>();
        AtomicReference<Boolean> inAir = new AtomicReference<>(false);
        subscriptions.add(drone.getMission().getMissionProgress().subscribe(p -> progress.add(p.getCurrent()), e -> { }));
        subscriptions.add(drone.getTelemetry().getFlightMode().subscribe(m -> {
            if (modes.isEmpty() || modes.get(modes.size() - 1) != m) {
                modes.add(m);
            }
        }, e -> { }));
        subscriptions.add(drone.getTelemetry().getBattery().subscribe(b -> battery.set(b.getRemainingPercent()), e -> { }));
        subscriptions.add(drone.getTelemetry().getPosition().subscribe(position::set, e -> { }));
        subscriptions.add(drone.getTelemetry().getInAir().subscribe(inAir::set, e -> { }));

        // given: a healthy vehicle with a GPS fix and a home position
        assertThat(drone.getTelemetry().getHealthAllOk().blockingFirst()).isTrue();
        assertThat(drone.getTelemetry().getGpsInfo().blockingFirst().getFixType()).isEqualTo(Telemetry.FixType.FIX_3D);
        Telemetry.Position home = drone.getTelemetry().getHome().blockingFirst();
        assertThat(home.getLatitudeDeg()).isEqualTo(HOME.lat());

        // when: the operator uploads, reads back, arms and starts
        assertThat(drone.getMission().setReturnToLaunchAfterMission(true).blockingGet(10, TimeUnit.SECONDS)).isNull();
        assertThat(drone.getMission().uploadMission(sweep()).blockingGet(10, TimeUnit.SECONDS)).isNull();
        Mission.MissionPlan downloaded = drone.getMission().downloadMission().timeout(10, TimeUnit.SECONDS).blockingGet();
        assertThat(downloaded.getMissionItems()).hasSize(6);
        assertThat(downloaded.getMissionItems().get(5).getLatitudeDeg()).isEqualTo(40.0920);
        assertThat(drone.getAction().arm().blockingGet(10, TimeUnit.SECONDS)).isNull();
        assertThat(drone.getMission().startMission().blockingGet(10, TimeUnit.SECONDS)).isNull();
        assertThat(drone.getMission().isMissionFinished().blockingGet()).isFalse();

        // then: progress reaches the last item, the drone returns, lands and disarms at home
        await().atMost(WAIT).until(() -> {
            simulator.step(Duration.ofSeconds(5));
            return progress.contains(6);
        });
        assertThat(progress).isSortedAccordingTo(Integer::compare).contains(1, 2, 3, 4, 5, 6);
        assertThat(drone.getMission().isMissionFinished().blockingGet()).isTrue();
        await().atMost(WAIT).until(() -> {
            simulator.step(Duration.ofSeconds(5));
            return modes.contains(Telemetry.FlightMode.LAND) && !inAir.get();
        });
        assertThat(modes).containsSubsequence(Telemetry.FlightMode.MISSION, Telemetry.FlightMode.RETURN_TO_LAUNCH,
                Telemetry.FlightMode.LAND);
        assertThat(drone.getTelemetry().getArmed().blockingFirst()).isFalse();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(position.get().getLatitudeDeg()).isCloseTo(HOME.lat(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(position.get().getLongitudeDeg()).isCloseTo(HOME.lon(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(battery.get()).isLessThan(0.97f).isGreaterThan(0.5f);
        });
    }

    @Test
    void infoIdentifiesAPx4VehicleAndCountsBootTimeInSimulatedTime() {
        simulator.step(Duration.ofSeconds(90));

        assertThat(drone.getInfo().getProduct().blockingGet().getVendorName()).isEqualTo("PX4");
        assertThat(drone.getInfo().getVersion().blockingGet().getFlightSwMajor()).isEqualTo(1);
        assertThat(drone.getInfo().getFlightInformation().blockingGet().getTimeBootMs()).isEqualTo(90_000);
        assertThat(drone.getInfo().getIdentification().blockingGet().getHardwareUid()).hasSize(32);
    }

    @Test
    void actionParametersAreKeptAndOutOfRangeValuesAreRefusedAsParameterErrors() {
        assertThat(drone.getAction().setTakeoffAltitude(25f).blockingGet(10, TimeUnit.SECONDS)).isNull();
        assertThat(drone.getAction().setReturnToLaunchAltitude(50f).blockingGet(10, TimeUnit.SECONDS)).isNull();
        assertThat(drone.getAction().setMaximumSpeed(8f).blockingGet(10, TimeUnit.SECONDS)).isNull();

        assertThat(drone.getAction().getTakeoffAltitude().blockingGet()).isEqualTo(25f);
        assertThat(drone.getAction().getReturnToLaunchAltitude().blockingGet()).isEqualTo(50f);
        assertThat(drone.getAction().getMaximumSpeed().blockingGet()).isEqualTo(8f);
        Throwable error = drone.getAction().setMaximumSpeed(99f).blockingGet(10, TimeUnit.SECONDS);
        assertThat(error).isInstanceOfSatisfying(io.mavsdk.action.Action.ActionException.class,
                e -> assertThat(e.getCode()).isEqualTo(io.mavsdk.action.Action.ActionResult.Result.PARAMETER_ERROR));
    }

    @Test
    void takeoffClimbsToTheTakeoffAltitudeAndHoldsThenLandsOnCommand() {
        drone.getAction().setTakeoffAltitude(15f).blockingAwait();
        drone.getAction().arm().blockingAwait();
        drone.getAction().takeoff().blockingAwait();

        simulator.step(Duration.ofSeconds(20));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(drone.getTelemetry().getPosition().blockingFirst().getRelativeAltitudeM()).isCloseTo(15f,
                    org.assertj.core.data.Offset.offset(0.5f));
            assertThat(drone.getTelemetry().getFlightMode().blockingFirst()).isEqualTo(Telemetry.FlightMode.HOLD);
        });
        drone.getAction().land().blockingAwait();
        simulator.step(Duration.ofSeconds(20));
        await().atMost(WAIT).until(() -> !drone.getTelemetry().getInAir().blockingFirst());
    }

    @Test
    void setCurrentItemSkipsAheadAndAnIndexPastTheEndIsAnInvalidArgument() {
        drone.getMission().uploadMission(sweep()).blockingAwait();

        assertThat(drone.getMission().setCurrentMissionItem(4).blockingGet(10, TimeUnit.SECONDS)).isNull();
        assertThat(drone.getMission().getMissionProgress().blockingFirst().getCurrent()).isEqualTo(4);
        Throwable error = drone.getMission().setCurrentMissionItem(6).blockingGet(10, TimeUnit.SECONDS);
        assertThat(error).isInstanceOfSatisfying(Mission.MissionException.class,
                e -> assertThat(e.getCode()).isEqualTo(Mission.MissionResult.Result.INVALID_ARGUMENT));
    }
}
