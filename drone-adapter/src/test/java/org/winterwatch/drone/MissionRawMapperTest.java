package org.winterwatch.drone;

import static org.assertj.core.api.Assertions.assertThat;

import io.mavsdk.mission_raw.MissionRaw;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissionRawMapperTest {

    private static final List<RoutePoint> ROUTE = List.of(
            new RoutePoint(40.0910, 113.3345, 40, 10, true),
            new RoutePoint(40.0915, 113.3345, 40, 8, true),
            new RoutePoint(40.0915, 113.3360, 40, 8, false));

    @Test
    void anArduPilotMissionStartsAtHomeTakesOffAndEndsWithAReturn() {
        List<MissionRaw.MissionItem> items = MissionRawMapper.toItems(ROUTE, 40.0905, 113.3345);

        assertThat(items).extracting(MissionRaw.MissionItem::getCommand)
                .containsExactly(16, 22, 16, 178, 2500, 16, 178, 16, 178, 2501, 20);
        assertThat(items).extracting(MissionRaw.MissionItem::getSeq).isSorted().startsWith(0, 1, 2);
        assertThat(items.get(0).getX()).isEqualTo(400905000);
        assertThat(items.get(6).getParam2()).isEqualTo(8f);
        assertThat(MissionRawMapper.matches(ROUTE, items)).isTrue();
        assertThat(MissionRawMapper.matches(ROUTE.subList(0, 2), items)).isFalse();
    }

    @Test
    void theAutopilotIsTakenFromInfosNamesThenFromTheVersion() {
        assertThat(Autopilot.fromInfo("ArduPilot", "ArduCopter", 4)).isEqualTo(Autopilot.ARDUPILOT);
        assertThat(Autopilot.fromInfo("", "", 4)).isEqualTo(Autopilot.ARDUPILOT);
        assertThat(Autopilot.fromInfo("PX4", "", 1)).isEqualTo(Autopilot.PX4);
        assertThat(Autopilot.fromInfo(null, null, 1)).isEqualTo(Autopilot.PX4);
    }
}
