package org.winterwatch.coordinator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.winterwatch.drone.DroneState;

/** {@code GET /api/v1/drones}: each drone's link, place, battery and mission progress, as the operator sees them. */
final class DroneJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DroneJson() {
    }

    static String array(List<DroneState> drones) {
        ArrayNode out = JSON.createArrayNode();
        for (DroneState s : drones) {
            ObjectNode d = out.addObject();
            d.put("droneId", s.droneId());
            d.put("connected", s.connected());
            d.put("lat", s.lat());
            d.put("lon", s.lon());
            d.put("relAltitudeM", s.relAltitudeM());
            d.put("batteryPercent", s.batteryPercent());
            d.put("armed", s.armed());
            d.put("inAir", s.inAir());
            d.put("flightMode", s.flightMode());
            d.put("missionCurrent", s.missionCurrent());
            d.put("missionTotal", s.missionTotal());
            d.put("updatedAt", s.updatedAt() == null ? null : s.updatedAt().toString());
        }
        return out.toString();
    }
}
