package org.winterwatch.drone;

import io.mavsdk.mission.Mission;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place a {@link RoutePoint} becomes MAVSDK's 13-argument {@link Mission.MissionItem}.
 * Camera state changes become video start/stop actions on the point where they happen; the gimbal
 * looks straight down; points are flown through, not stopped at.
 */
final class MissionItemMapper {

    static final float NADIR_PITCH_DEG = -90f;

    private MissionItemMapper() {
    }

    static Mission.MissionPlan toPlan(List<RoutePoint> route) {
        List<Mission.MissionItem> items = new ArrayList<>(route.size());
        boolean cameraOn = false;
        for (int i = 0; i < route.size(); i++) {
            RoutePoint point = route.get(i);
            Mission.MissionItem.CameraAction action = Mission.MissionItem.CameraAction.NONE;
            if (point.cameraOn() != cameraOn || i == 0) {
                action = point.cameraOn() ? Mission.MissionItem.CameraAction.START_VIDEO
                        : Mission.MissionItem.CameraAction.STOP_VIDEO;
            }
            cameraOn = point.cameraOn();
            items.add(toItem(point, action));
        }
        return new Mission.MissionPlan(items);
    }

    static Mission.MissionItem toItem(RoutePoint point, Mission.MissionItem.CameraAction cameraAction) {
        return new Mission.MissionItem(
                point.lat(),
                point.lon(),
                (float) point.relAltitudeM(),
                (float) point.speedMps(),
                true,               // fly through
                NADIR_PITCH_DEG,    // gimbal pitch
                Float.NaN,          // gimbal yaw: follow the vehicle
                cameraAction,
                Float.NaN,          // loiter time
                1.0,                // photo interval (unused for video)
                Float.NaN,          // acceptance radius: autopilot default
                Float.NaN,          // yaw: follow the path
                Float.NaN);         // photo distance (unused)
    }

    /** True when the downloaded plan has the same points as the route (to float precision). */
    static boolean matches(List<RoutePoint> route, Mission.MissionPlan downloaded) {
        List<Mission.MissionItem> items = downloaded.getMissionItems();
        if (items.size() != route.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            Mission.MissionItem item = items.get(i);
            RoutePoint point = route.get(i);
            if (Math.abs(item.getLatitudeDeg() - point.lat()) > 1e-7
                    || Math.abs(item.getLongitudeDeg() - point.lon()) > 1e-7
                    || Math.abs(item.getRelativeAltitudeM() - point.relAltitudeM()) > 0.01) {
                return false;
            }
        }
        return true;
    }
}
