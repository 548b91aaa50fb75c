package org.winterwatch.drone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.SimClock;
import org.winterwatch.simulator.Simulator;
import org.winterwatch.simulator.SimulatorConfig;

/** The MAVSDK link against the real simulator over gRPC, in simulated time at 20x. */
class MavsdkDroneLinkTest {

    private static final LatLon HOME = new LatLon(40.0905, 113.3345);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final SimClock clock = SimClock.startingAt(Instant.parse("2025-01-10T22:00:00Z"), 20);
    private final Simulator simulator = Simulator.start(
            new SimulatorConfig(1, 0, HOME, 20, null, null, List.of(), -18, 7, 10), clock);
    private final MavsdkDroneLink link = new MavsdkDroneLink("drone-1", "127.0.0.1", simulator.grpcPort(0), clock.asClock());

    @AfterEach
    void tearDown() {
        link.close();
        simulator.close();
    }

    private static List<RoutePoint> fourPointSweep() {
        return List.of(
                new RoutePoint(40.0910, 113.3345, 40, 10, true),
                new RoutePoint(40.0915, 113.3345, 40, 10, true),
                new RoutePoint(40.0915, 113.3360, 40, 10, true),
                new RoutePoint(40.0910, 113.3360, 40, 10, false));
    }

    private static void done(CompletionStage<Void> stage) {
        LinkCalls.done(stage, WAIT);
    }

    private static DroneLinkException failure(CompletionStage<Void> stage) {
        return LinkCalls.failure(stage, WAIT);
    }

    @Test
    void fliesAnUploadedSweepAndComesHome() {
        List<DroneState> seen = new CopyOnWriteArrayList<>();
        link.onState(seen::add);
        done(link.connect(WAIT));
        assertThat(link.state().connected()).isTrue();
        assertThat(new LatLon(link.state().lat(), link.state().lon()).distanceM(HOME)).isLessThan(1);

        done(link.uploadMission(fourPointSweep()));
        done(link.arm());
        done(link.startMission());

        await().atMost(WAIT).until(() -> seen.stream().anyMatch(s -> s.missionTotal() == 4 && s.missionCurrent() >= 3));
        await().atMost(WAIT).until(() -> seen.stream().anyMatch(DroneState::inAir)
                && !link.state().inAir() && !link.state().armed());

        assertThat(seen).anyMatch(s -> s.inAir() && s.relAltitudeM() > 30);
        assertThat(seen).anyMatch(s -> s.batteryPercent() < 100);
        assertThat(link.state().missionFinished()).isTrue();
        assertThat(new LatLon(link.state().lat(), link.state().lon()).distanceM(HOME)).isLessThan(1);
        assertThat(link.state().updatedAt()).isAfter(Instant.parse("2025-01-10T22:00:00Z"));
    }

    @Test
    void startWithoutAMissionIsRefusedWithMavsdksReason() {
        done(link.connect(WAIT));
        done(link.arm());

        DroneLinkException e = failure(link.startMission());

        assertThat(e.reason()).isEqualTo(DroneLinkException.Reason.REFUSED);
        assertThat(e.resultText()).contains("NO_MISSION_AVAILABLE");
    }

    @Test
    void armWithAnAlmostEmptyBatteryIsRefusedAsUnhealthy() {
        simulator.injectBatteryPercent(0, 5);
        done(link.connect(WAIT));
        await().atMost(WAIT).until(() -> link.state().batteryPercent() < 10);

        DroneLinkException e = failure(link.arm());

        assertThat(e.reason()).isIn(DroneLinkException.Reason.UNHEALTHY, DroneLinkException.Reason.REFUSED);
        assertThat(link.state().armed()).isFalse();
    }

    @Test
    void connectingToNothingTimesOut() {
        try (MavsdkDroneLink nowhere = new MavsdkDroneLink("drone-9", "127.0.0.1", 1, clock.asClock())) {
            DroneLinkException e = failure(nowhere.connect(Duration.ofMillis(500)));

            assertThat(e.reason()).isEqualTo(DroneLinkException.Reason.TIMEOUT);
            assertThat(nowhere.state().connected()).isFalse();
        }
    }

    @Test
    void stateListenersAreCalledAtMostFiveTimesASecond() {
        List<Long> calls = new CopyOnWriteArrayList<>();
        link.onState(s -> calls.add(System.nanoTime()));
        done(link.connect(WAIT));
        done(link.uploadMission(fourPointSweep()));
        done(link.arm());
        done(link.startMission());

        await().atMost(WAIT).until(() -> calls.size() >= 6);

        for (int i = 1; i < calls.size(); i++) {
            assertThat(TimeUnit.NANOSECONDS.toMillis(calls.get(i) - calls.get(i - 1))).isGreaterThanOrEqualTo(150);
        }
    }

    @Test
    void reconnectsWhenTheDroneEndpointComesBack() {
        done(link.connect(WAIT));
        int port = simulator.grpcPort(0);

        simulator.close();
        await().atMost(WAIT).until(() -> !link.state().connected());

        try (Simulator again = Simulator.start(new SimulatorConfig(1, port, HOME, 20, null, null, List.of(), -18, 7, 10),
                SimClock.startingAt(clock.now(), 20))) {
            await().atMost(WAIT).until(() -> link.state().connected());
            done(link.connect(WAIT));
            done(link.uploadMission(fourPointSweep()));
        }
    }
}
