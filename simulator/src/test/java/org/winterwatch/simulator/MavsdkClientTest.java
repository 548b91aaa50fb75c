package org.winterwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mavsdk.System;
import io.mavsdk.action.Action;
import io.mavsdk.mission.Mission;
import io.reactivex.disposables.CompositeDisposable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;

/** The simulator seen through the real MAVSDK-Java client, as the coordinator sees it. */
class MavsdkClientTest {

    private static final LatLon HOME = new LatLon(40.0905, 113.3345);
    private static final SimPerson UNDER_BRIDGE = new SimPerson("p-1", new LatLon(40.0915, 113.3352), 30.5, "br-01");

    /** The publisher's wall clock, far from simulated time, so that the test tells the two apart. */
    private static final Instant PUBLISHED = Instant.parse("2026-12-02T13:00:00Z");

    private final SimClock clock = SimClock.manual(Instant.parse("2025-01-10T22:00:00Z"));
    private final Simulator simulator = Simulator.start(
            new SimulatorConfig(1, 0, HOME, 20, null, null, List.of(UNDER_BRIDGE), -18, 7, 10), clock,
            Clock.fixed(PUBLISHED, ZoneOffset.UTC));
    private final System drone = new System("127.0.0.1", simulator.grpcPort(0));
    private final CompositeDisposable subscriptions = new CompositeDisposable();

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

    private static Mission.MissionItem item(double lat, double lon) {
        return new Mission.MissionItem(lat, lon, 40f, 10f, true, Float.NaN, Float.NaN,
                Mission.MissionItem.CameraAction.NONE, Float.NaN, 1.0, Float.NaN, Float.NaN, Float.NaN);
    }

    private static Mission.MissionPlan planOverTheBridge() {
        return new Mission.MissionPlan(List.of(
                item(40.0910, 113.3345),
                item(40.0915, 113.3345),
                item(40.0915, 113.3360),
                item(40.0910, 113.3360)));
    }

    @Test
    void startWithoutAMissionIsRefusedWithNoMissionAvailable() {
        Throwable error = drone.getMission().startMission().blockingGet(10, TimeUnit.SECONDS);

        assertThat(error).isInstanceOfSatisfying(Mission.MissionException.class,
                e -> assertThat(e.getCode()).isEqualTo(Mission.MissionResult.Result.NO_MISSION_AVAILABLE));
    }

    @Test
    void uploadedMissionIsFlownToTheEndAndTheDroneComesHome() {
        List<Integer> progress = new CopyOnWriteArrayList<>();
        List<Boolean> inAir = new CopyOnWriteArrayList<>();
        subscriptions.add(drone.getMission().getMissionProgress()
                .subscribe(p -> progress.add(p.getCurrent()), e -> { }));
        subscriptions.add(drone.getTelemetry().getInAir().subscribe(inAir::add, e -> { }));

        assertThat(drone.getMission().uploadMission(planOverTheBridge()).blockingGet(10, TimeUnit.SECONDS)).isNull();
        assertThat(drone.getMission().downloadMission().blockingGet().getMissionItems()).hasSize(4);
        assertThat(drone.getAction().arm().blockingGet(10, TimeUnit.SECONDS)).isNull();
        assertThat(drone.getMission().startMission().blockingGet(10, TimeUnit.SECONDS)).isNull();

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            simulator.step(Duration.ofSeconds(2));
            return progress.contains(4);
        });
        assertThat(progress).isSortedAccordingTo(Integer::compare).contains(1, 2, 3, 4);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            simulator.step(Duration.ofSeconds(5));
            return inAir.contains(true) && !inAir.get(inAir.size() - 1);
        });
        assertThat(drone.getTelemetry().getArmed().blockingFirst()).isFalse();
    }

    @Test
    void armIsRefusedWhileTheBatteryIsBelowTenPercent() {
        simulator.injectBatteryPercent(0, 8);

        Throwable error = drone.getAction().arm().blockingGet(10, TimeUnit.SECONDS);

        assertThat(error).isInstanceOfSatisfying(Action.ActionException.class,
                e -> assertThat(e.getCode()).isEqualTo(Action.ActionResult.Result.COMMAND_DENIED));
        assertThat(drone.getTelemetry().getHealthAllOk().blockingFirst()).isFalse();
    }

    @Test
    void aDroneFlyingOverAPersonReportsAThermalDetection() throws Exception {
        List<String> detections = new CopyOnWriteArrayList<>();
        simulator.onDetection(detections::add);
        drone.getMission().uploadMission(planOverTheBridge()).blockingAwait(10, TimeUnit.SECONDS);
        drone.getAction().arm().blockingAwait(10, TimeUnit.SECONDS);
        drone.getMission().startMission().blockingAwait(10, TimeUnit.SECONDS);

        simulator.step(Duration.ofMinutes(3));

        assertThat(detections).hasSize(1);
        JsonNode d = new ObjectMapper().readTree(detections.get(0));
        assertThat(d.get("id").asText()).startsWith("drone-1-");
        assertThat(d.get("source").asText()).isEqualTo("drone-1");
        assertThat(d.get("kind").asText()).isEqualTo("thermal");
        assertThat(new LatLon(d.get("lat").asDouble(), d.get("lon").asDouble()).distanceM(UNDER_BRIDGE.position()))
                .isLessThan(10);
        assertThat(Instant.parse(d.get("observedAt").asText())).isEqualTo(PUBLISHED);
        assertThat(Instant.parse(d.get("simulatedAt").asText())).isBetween(clock.now().minusSeconds(180), clock.now());
        assertThat(d.get("confidence").asDouble()).isBetween(0.55, 0.97);
        assertThat(d.get("tempC").asDouble()).isEqualTo(30.5);
        assertThat(d.get("siteId").asText()).isEqualTo("br-01");
        assertThat(d.get("headingDeg").asDouble()).isBetween(0.0, 360.0);
    }
}
