package org.winterwatch.missions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

/**
 * Writes one drone's sorties as a QGroundControl {@code .plan} file (JSON, plan version 1, mission
 * version 2): simple mission items only, so that any QGroundControl opens it and any PX4 or ArduPilot
 * flies it; the layer's no-fly zones go into the geofence as exclusion polygons.
 *
 * <p>Each sortie is a take-off ({@code MAV_CMD_NAV_TAKEOFF}, 22) to the sweep altitude, its waypoints
 * ({@code MAV_CMD_NAV_WAYPOINT}, 16, hold time in param 1), and a return to launch
 * ({@code MAV_CMD_NAV_RETURN_TO_LAUNCH}, 20). The camera records exactly along the sweeps: a
 * {@code MAV_CMD_VIDEO_START_CAPTURE} (2500) once the drone reaches a sweep's first waypoint (before it,
 * for a hover, so that the hover is recorded) and a {@code MAV_CMD_VIDEO_STOP_CAPTURE} (2501) at its
 * last; both address every camera (stream id 0) in {@code MAV_FRAME_MISSION} (2). Sorties follow
 * one another in the file: after landing and a battery change, the pilot starts the mission again at
 * the next take-off item. Altitudes are relative to home ({@code MAV_FRAME_GLOBAL_RELATIVE_ALT}, 3).
 */
public final class QgcPlan {

    static final int NAV_WAYPOINT = 16;
    static final int NAV_RETURN_TO_LAUNCH = 20;
    static final int NAV_TAKEOFF = 22;
    static final int VIDEO_START_CAPTURE = 2500;
    static final int VIDEO_STOP_CAPTURE = 2501;
    static final int FRAME_MISSION = 2;
    static final int FRAME_GLOBAL_RELATIVE_ALT = 3;
    /** MAV_AUTOPILOT_PX4; QGroundControl converts between firmwares when asked. */
    static final int FIRMWARE_PX4 = 12;
    /** MAV_TYPE_QUADROTOR. */
    static final int VEHICLE_QUADROTOR = 2;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QgcPlan() {
    }

    /**
     * The {@code .plan} file of one drone (0-based), its base as the planned home; a drone with no sorties gets a
     * plan with only its home.
     */
    public static String forDrone(FleetPlan plan, SiteLayer layer, int droneIndex) {
        List<Sortie> sorties = plan.sortiesOf(droneIndex);
        ObjectNode root = MAPPER.createObjectNode()
                .put("fileType", "Plan")
                .put("version", 1)
                .put("groundStation", "QGroundControl");
        double speed = sorties.isEmpty() ? 10 : sorties.get(0).waypoints().get(0).speedMps();
        ObjectNode mission = root.putObject("mission")
                .put("version", 2)
                .put("firmwareType", FIRMWARE_PX4)
                .put("vehicleType", VEHICLE_QUADROTOR)
                .put("cruiseSpeed", speed)
                .put("hoverSpeed", speed)
                .put("globalPlanAltitudeMode", 1);
        LatLon home = plan.homeOf(droneIndex);
        mission.putArray("plannedHomePosition").add(home.lat()).add(home.lon()).add(0);
        ArrayNode items = mission.putArray("items");
        int jumpId = 1;
        for (Sortie sortie : sorties) {
            double altitudeM = sortie.waypoints().get(0).altitudeM();
            item(items, jumpId++, NAV_TAKEOFF, 0, home.lat(), home.lon(), altitudeM);
            List<Waypoint> waypoints = sortie.waypoints();
            // the last waypoint is home: the return to launch flies there and lands
            for (int i = 0; i < waypoints.size() - 1; i++) {
                Waypoint w = waypoints.get(i);
                boolean starts = startsSweep(waypoints, i);
                if (starts && w.holdS() > 0) {
                    command(items, jumpId++, VIDEO_START_CAPTURE);
                }
                item(items, jumpId++, NAV_WAYPOINT, w.holdS(), w.lat(), w.lon(), w.altitudeM());
                if (starts && w.holdS() == 0) {
                    command(items, jumpId++, VIDEO_START_CAPTURE);
                }
                if (endsSweep(waypoints, i)) {
                    command(items, jumpId++, VIDEO_STOP_CAPTURE);
                }
            }
            command(items, jumpId++, NAV_RETURN_TO_LAUNCH);
        }
        ObjectNode fence = root.putObject("geoFence").put("version", 2);
        fence.putArray("circles");
        ArrayNode polygons = fence.putArray("polygons");
        for (Site zone : layer.noFlyZones()) {
            Geometry g = zone.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon p) {
                    ObjectNode polygon = polygons.addObject().put("inclusion", false).put("version", 1);
                    ArrayNode vertices = polygon.putArray("polygon");
                    Coordinate[] ring = p.getExteriorRing().getCoordinates();
                    for (int k = 0; k < ring.length - 1; k++) {
                        vertices.addArray().add(ring[k].y).add(ring[k].x);
                    }
                }
            }
        }
        root.putObject("rallyPoints").put("version", 2).putArray("points");
        return root.toPrettyString();
    }

    /** Waypoint {@code i} is the first of a site's sweep: the camera goes on there. */
    static boolean startsSweep(List<Waypoint> waypoints, int i) {
        Waypoint w = waypoints.get(i);
        return w.cameraOn() && (i == 0 || !sameSweep(waypoints.get(i - 1), w));
    }

    /** Waypoint {@code i} is the last of a site's sweep: the camera goes off there. */
    static boolean endsSweep(List<Waypoint> waypoints, int i) {
        Waypoint w = waypoints.get(i);
        return w.cameraOn() && (i + 1 == waypoints.size() || !sameSweep(w, waypoints.get(i + 1)));
    }

    private static boolean sameSweep(Waypoint a, Waypoint b) {
        return a.cameraOn() && b.cameraOn() && Objects.equals(a.siteId(), b.siteId());
    }

    /** A command without a position (camera, return to launch): all seven params zero. */
    private static ObjectNode command(ArrayNode items, int jumpId, int command) {
        ObjectNode item = items.addObject()
                .put("type", "SimpleItem")
                .put("autoContinue", true)
                .put("command", command)
                .put("doJumpId", jumpId)
                .put("frame", FRAME_MISSION);
        ArrayNode params = item.putArray("params");
        for (int p = 0; p < 7; p++) {
            params.add(0);
        }
        return item;
    }

    private static void item(ArrayNode items, int jumpId, int command, double param1, double lat, double lon,
                             double altitudeM) {
        ObjectNode item = items.addObject()
                .put("type", "SimpleItem")
                .put("autoContinue", true)
                .put("command", command)
                .put("doJumpId", jumpId)
                .put("frame", FRAME_GLOBAL_RELATIVE_ALT)
                .put("AltitudeMode", 1)
                .put("Altitude", altitudeM);
        item.putNull("AMSLAltAboveTerrain");
        ArrayNode params = item.putArray("params");
        params.add(param1).add(0).add(0).addNull().add(lat).add(lon).add(altitudeM);
    }
}
