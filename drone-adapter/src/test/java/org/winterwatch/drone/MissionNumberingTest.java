package org.winterwatch.drone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MissionNumberingTest {

    private static final List<RoutePoint> ROUTE = List.of(
            new RoutePoint(40.10, 113.30, 40, 10, false),
            new RoutePoint(40.11, 113.30, 40, 8, true),
            new RoutePoint(40.11, 113.31, 40, 8, true),
            new RoutePoint(40.10, 113.30, 40, 10, false));

    @Test
    void onPx4EveryPointIsOneItemSoReachingAPointMeansTheNextItem() {
        MissionNumbering numbering = MissionNumbering.of(Autopilot.PX4, ROUTE);

        assertThat(numbering.total()).isEqualTo(4);
        assertThat(numbering.itemAfter(0)).isEqualTo(1);
        assertThat(numbering.itemAfter(2)).isEqualTo(3);
        assertThat(numbering.itemAfter(3)).as("the last point reached is the mission finished").isEqualTo(4);
    }

    @Test
    void onArduPilotThePointsAreTheRawWaypointsAfterHomeAndTakeOff() {
        MissionNumbering numbering = MissionNumbering.of(Autopilot.ARDUPILOT, ROUTE);
        var raw = MissionRawMapper.toItems(ROUTE, 0, 0);

        assertThat(numbering.total()).isEqualTo(raw.size());
        for (int point = 0; point < ROUTE.size(); point++) {
            int item = numbering.itemAfter(point) - 1;
            assertThat(raw.get(item).getCommand()).isEqualTo(MissionRawMapper.NAV_WAYPOINT);
            assertThat(raw.get(item).getX() / 1e7).isCloseTo(ROUTE.get(point).lat(), org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(numbering.itemAfter(ROUTE.size() - 1)).isLessThan(numbering.total());
    }

    @Test
    void aPointOffTheRouteIsRefused() {
        MissionNumbering numbering = MissionNumbering.of(Autopilot.PX4, ROUTE);

        assertThatThrownBy(() -> numbering.itemAfter(4)).hasMessageContaining("not on the route");
    }
}
