package org.winterwatch.coordinator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.winterwatch.coordinator.fleet.DroneStateJson;
import org.winterwatch.drone.DroneState;

/** {@code GET /api/v1/drones}: each drone's link, place, battery and mission progress, as the operator sees them. */
final class DroneJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DroneJson() {
    }

    static String array(List<DroneState> drones) {
        ArrayNode out = JSON.createArrayNode();
        drones.forEach(s -> out.add(DroneStateJson.of(s)));
        return out.toString();
    }
}
