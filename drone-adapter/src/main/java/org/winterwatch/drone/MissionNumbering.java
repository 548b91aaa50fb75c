package org.winterwatch.drone;

import java.util.List;

/**
 * How a route's points are numbered in the mission the vehicle reports progress on. The Mission plugin (PX4) sends
 * one item per point; MissionRaw (ArduPilot) adds home, take-off, speed and camera items and a return at the end.
 * Knowing the numbering, the coordinator can tell from the vehicle's own progress which points have been reached,
 * also after a restart, when it did not upload the mission itself.
 */
public final class MissionNumbering {

    private final int total;
    private final int[] itemOfPoint;

    private MissionNumbering(int total, int[] itemOfPoint) {
        this.total = total;
        this.itemOfPoint = itemOfPoint;
    }

    /** The numbering the link uses for {@code route} on a vehicle with that autopilot (see {@link DroneLink#uploadMission}). */
    public static MissionNumbering of(Autopilot autopilot, List<RoutePoint> route) {
        if (route.isEmpty()) {
            throw new IllegalArgumentException("the route is empty");
        }
        int[] items = new int[route.size()];
        if (autopilot != Autopilot.ARDUPILOT) {
            for (int i = 0; i < items.length; i++) {
                items[i] = i;
            }
            return new MissionNumbering(route.size(), items);
        }
        List<io.mavsdk.mission_raw.MissionRaw.MissionItem> raw = MissionRawMapper.toItems(route, 0, 0);
        int point = 0;
        // the first NAV_WAYPOINT is the home item, then one per route point
        for (int seq = 1; seq < raw.size() && point < items.length; seq++) {
            if (raw.get(seq).getCommand() == MissionRawMapper.NAV_WAYPOINT) {
                items[point++] = seq;
            }
        }
        return new MissionNumbering(raw.size(), items);
    }

    /** The number of items the vehicle holds for the route, the {@code total} its progress reports. */
    public int total() {
        return total;
    }

    /**
     * The item the vehicle's progress reaches once it has flown to route point {@code pointIndex}: the item after
     * that point's own (for the last point, the first item after it, or {@link #total()}).
     */
    public int itemAfter(int pointIndex) {
        if (pointIndex < 0 || pointIndex >= itemOfPoint.length) {
            throw new IllegalArgumentException("point " + pointIndex + " is not on the route of " + itemOfPoint.length);
        }
        return itemOfPoint[pointIndex] + 1;
    }
}
