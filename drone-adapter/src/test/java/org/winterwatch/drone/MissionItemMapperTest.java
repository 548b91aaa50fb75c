package org.winterwatch.drone;

import static org.assertj.core.api.Assertions.assertThat;

import io.mavsdk.mission.Mission;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissionItemMapperTest {

    @Test
    void mapsEveryPointWithItsPositionAltitudeAndSpeed() {
        RoutePoint point = new RoutePoint(40.0905, 113.3392, 40, 8, true);

        Mission.MissionItem item = MissionItemMapper.toPlan(List.of(point)).getMissionItems().get(0);

        assertThat(item.getLatitudeDeg()).isEqualTo(40.0905);
        assertThat(item.getLongitudeDeg()).isEqualTo(113.3392);
        assertThat(item.getRelativeAltitudeM()).isEqualTo(40f);
        assertThat(item.getSpeedMS()).isEqualTo(8f);
        assertThat(item.getIsFlyThrough()).isTrue();
        assertThat(item.getGimbalPitchDeg()).isEqualTo(-90f);
    }

    @Test
    void cameraChangesBecomeVideoStartAndStopWhereTheyHappen() {
        List<RoutePoint> route = List.of(
                new RoutePoint(40.0900, 113.3340, 40, 10, false),
                new RoutePoint(40.0905, 113.3385, 40, 10, true),
                new RoutePoint(40.0905, 113.3424, 40, 10, true),
                new RoutePoint(40.0900, 113.3345, 40, 10, false));

        List<Mission.MissionItem.CameraAction> actions = MissionItemMapper.toPlan(route).getMissionItems().stream()
                .map(Mission.MissionItem::getCameraAction)
                .toList();

        assertThat(actions).containsExactly(
                Mission.MissionItem.CameraAction.STOP_VIDEO,
                Mission.MissionItem.CameraAction.START_VIDEO,
                Mission.MissionItem.CameraAction.NONE,
                Mission.MissionItem.CameraAction.STOP_VIDEO);
    }

    @Test
    void aDownloadedPlanMatchesTheRouteItCameFrom() {
        List<RoutePoint> route = List.of(new RoutePoint(40.0905, 113.3392, 40, 8, true));

        assertThat(MissionItemMapper.matches(route, MissionItemMapper.toPlan(route))).isTrue();
        assertThat(MissionItemMapper.matches(route, new Mission.MissionPlan(List.of()))).isFalse();
    }
}
