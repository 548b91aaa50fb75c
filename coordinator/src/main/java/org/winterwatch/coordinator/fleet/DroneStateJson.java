package org.winterwatch.coordinator.fleet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.winterwatch.drone.DroneState;

/**
 * A drone's state as people read it, in {@code GET /api/v1/drones} and on {@code ww/v1/drones/{droneId}/state}:
 * link, place, battery, mode and mission progress; what is not known yet is {@code null}.
 */
public final class DroneStateJson {

    private DroneStateJson() {
    }

    public static ObjectNode of(DroneState s) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("droneId", s.droneId());
        d.put("connected", s.connected());
        d.put("link", s.connected() ? "up" : "lost");
        number(d, "lat", s.lat());
        number(d, "lon", s.lon());
        number(d, "relAltitudeM", s.relAltitudeM());
        number(d, "batteryPercent", s.batteryPercent());
        d.put("armed", s.armed());
        d.put("inAir", s.inAir());
        d.put("flightMode", s.flightMode());
        d.put("missionCurrent", s.missionCurrent());
        d.put("missionTotal", s.missionTotal());
        d.put("updatedAt", s.updatedAt() == null ? null : s.updatedAt().toString());
        return d;
    }

    private static void number(ObjectNode d, String field, double value) {
        if (Double.isNaN(value)) {
            d.putNull(field);
        } else {
            d.put(field, value);
        }
    }
}
