package org.winterwatch.drone;

import io.mavsdk.mission_raw.MissionRaw;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place a route becomes MAVLink mission items for MAVSDK's MissionRaw plugin, the way ArduPilot
 * takes missions: item 0 is the home position, then a take-off, each point as a {@code NAV_WAYPOINT}
 * followed by a {@code DO_CHANGE_SPEED} and, where the camera state changes, a video start or stop, and
 * a final {@code NAV_RETURN_TO_LAUNCH} (ArduPilot has no "return after mission" setting).
 */
final class MissionRawMapper {

    static final int FRAME_GLOBAL_RELATIVE_ALT_INT = 6;
    static final int FRAME_GLOBAL = 0;
    static final int FRAME_MISSION = 2;
    static final int NAV_WAYPOINT = 16;
    static final int NAV_RETURN_TO_LAUNCH = 20;
    static final int NAV_TAKEOFF = 22;
    static final int DO_CHANGE_SPEED = 178;
    static final int VIDEO_START_CAPTURE = 2500;
    static final int VIDEO_STOP_CAPTURE = 2501;
    private static final int MISSION_TYPE_MISSION = 0;

    private MissionRawMapper() {
    }

    static List<MissionRaw.MissionItem> toItems(List<RoutePoint> route, double homeLat, double homeLon) {
        List<MissionRaw.MissionItem> items = new ArrayList<>();
        items.add(item(items.size(), FRAME_GLOBAL, NAV_WAYPOINT, 0, 0, homeLat, homeLon, 0));
        items.add(item(items.size(), FRAME_GLOBAL_RELATIVE_ALT_INT, NAV_TAKEOFF, 0, 0, homeLat, homeLon,
                (float) route.get(0).relAltitudeM()));
        boolean cameraOn = false;
        for (int i = 0; i < route.size(); i++) {
            RoutePoint p = route.get(i);
            items.add(item(items.size(), FRAME_GLOBAL_RELATIVE_ALT_INT, NAV_WAYPOINT, 0, 0, p.lat(), p.lon(),
                    (float) p.relAltitudeM()));
            items.add(item(items.size(), FRAME_MISSION, DO_CHANGE_SPEED, 1, (float) p.speedMps(), 0, 0, 0));
            if (i == 0 || p.cameraOn() != cameraOn) {
                items.add(item(items.size(), FRAME_MISSION, p.cameraOn() ? VIDEO_START_CAPTURE : VIDEO_STOP_CAPTURE, 0, 0, 0, 0, 0));
            }
            cameraOn = p.cameraOn();
        }
        items.add(item(items.size(), FRAME_MISSION, NAV_RETURN_TO_LAUNCH, 0, 0, 0, 0, 0));
        return items;
    }

    private static MissionRaw.MissionItem item(int seq, int frame, int command, float param1, float param2,
                                               double lat, double lon, float z) {
        return new MissionRaw.MissionItem(seq, frame, command, seq == 0 ? 1 : 0, 1, param1, param2, 0f, Float.NaN,
                (int) Math.round(lat * 1e7), (int) Math.round(lon * 1e7), z, MISSION_TYPE_MISSION);
    }

    /** True when the downloaded items carry the route's waypoints in order (ignoring item 0, the home). */
    static boolean matches(List<RoutePoint> route, List<MissionRaw.MissionItem> downloaded) {
        List<MissionRaw.MissionItem> waypoints = new ArrayList<>();
        for (int i = 1; i < downloaded.size(); i++) {
            if (downloaded.get(i).getCommand() == NAV_WAYPOINT) {
                waypoints.add(downloaded.get(i));
            }
        }
        if (waypoints.size() != route.size()) {
            return false;
        }
        for (int i = 0; i < route.size(); i++) {
            MissionRaw.MissionItem item = waypoints.get(i);
            RoutePoint p = route.get(i);
            if (Math.abs(item.getX() / 1e7 - p.lat()) > 2e-7 || Math.abs(item.getY() / 1e7 - p.lon()) > 2e-7
                    || Math.abs(item.getZ() - p.relAltitudeM()) > 0.01) {
                return false;
            }
        }
        return true;
    }
}
