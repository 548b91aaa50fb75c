package org.winterwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mavsdk.System;
import io.mavsdk.mission.Mission;
import io.mavsdk.mission_raw.MissionRaw;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.world.Autopilot;
import org.winterwatch.simulator.world.World;

/** A simulated ArduPilot drone: the Mission plugin is refused, MissionRaw carries the mission. */
class ArduPilotMissionRawTest {

    private static final LatLon HOME = new LatLon(40.0905, 113.3345);

    private final SimClock clock = SimClock.manual(Instant.parse("2025-01-10T22:00:00Z"));
    private final Simulator simulator = Simulator.start(new SimulatorConfig(1, 0, HOME, 1, null, null, List.of(), -18, 7, 10)
            .withWorld(World.CALM.withAutopilot(Autopilot.ARDUPILOT)), clock);
    private final System drone = new System("127.0.0.1", simulator.grpcPort(0));

    @BeforeEach
    void pluginsReady() {
        MavsdkPlugins.awaitReady(drone);
    }

    @AfterEach
    void tearDown() {
        drone.dispose();
        simulator.close();
    }

    private static MissionRaw.MissionItem raw(int seq, int frame, int command, float param2, double lat, double lon, float z) {
        return new MissionRaw.MissionItem(seq, frame, command, seq == 0 ? 1 : 0, 1, 0f, param2, 0f, Float.NaN,
                (int) Math.round(lat * 1e7), (int) Math.round(lon * 1e7), z, 0);
    }

    @Test
    void theMissionPluginIsRefusedAsUnsupported() {
        Mission.MissionPlan plan = new Mission.MissionPlan(List.of(new Mission.MissionItem(40.0910, 113.3345, 40f, 10f, true,
                Float.NaN, Float.NaN, Mission.MissionItem.CameraAction.NONE, Float.NaN, 1.0, Float.NaN, Float.NaN, Float.NaN)));

        Throwable error = drone.getMission().uploadMission(plan).blockingGet(10, TimeUnit.SECONDS);

        assertThat(error).isInstanceOfSatisfying(Mission.MissionException.class,
                e -> assertThat(e.getCode()).isEqualTo(Mission.MissionResult.Result.UNSUPPORTED));
        assertThat(drone.getInfo().getProduct().blockingGet().getVendorName()).isEqualTo("ArduPilot");
    }

    @Test
    void aRawMissionIsReadBackAsSentFlownAndEndsWithItsReturnItem() {
        List<MissionRaw.MissionItem> items = new ArrayList<>();
        items.add(raw(0, 0, 16, 0, HOME.lat(), HOME.lon(), 0));
        items.add(raw(1, 6, 22, 0, HOME.lat(), HOME.lon(), 30));
        items.add(raw(2, 6, 16, 0, 40.0915, 113.3345, 30));
        items.add(raw(3, 2, 178, 6, 0, 0, 0));
        items.add(raw(4, 6, 16, 0, 40.0915, 113.3355, 30));
        items.add(raw(5, 2, 20, 0, 0, 0, 0));

        drone.getMissionRaw().uploadMission(items).blockingAwait(10, TimeUnit.SECONDS);
        List<MissionRaw.MissionItem> back = drone.getMissionRaw().downloadMission().blockingGet();
        drone.getAction().arm().blockingAwait(10, TimeUnit.SECONDS);
        drone.getMissionRaw().startMission().blockingAwait(10, TimeUnit.SECONDS);

        assertThat(back).extracting(MissionRaw.MissionItem::getCommand).containsExactly(16, 22, 16, 178, 16, 20);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            simulator.step(Duration.ofSeconds(5));
            return !simulator.snapshot(0).inAir() && simulator.snapshot(0).missionFinished();
        });
        assertThat(simulator.snapshot(0).lat()).isEqualTo(HOME.lat());
        assertThat(drone.getMissionRaw().getMissionProgress().blockingFirst().getCurrent()).isEqualTo(6);
    }
}
