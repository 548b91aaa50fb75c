package org.winterwatch.coordinator.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** The alert's wire form (CONTRACT §4), shared by MQTT and HTTP. */
public final class AlertJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {
    }

    public static ObjectNode toJson(Alert a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("alertId", a.alertId());
        o.put("state", a.state().wireName());
        o.put("priority", a.priority().wireName());
        o.put("siteId", a.siteId());
        o.put("siteName", a.siteName());
        o.put("category", a.category());
        o.put("lat", a.lat());
        o.put("lon", a.lon());
        ArrayNode ids = o.putArray("detectionIds");
        a.detectionIds().forEach(ids::add);
        o.put("firstSeen", a.firstSeen().toString());
        o.put("lastSeen", a.lastSeen().toString());
        if (a.ambientTempC() == null) {
            o.putNull("ambientTempC");
        } else {
            o.put("ambientTempC", a.ambientTempC());
        }
        o.put("teamId", a.teamId());
        o.put("version", a.version());
        o.put("updatedAt", a.updatedAt().toString());
        o.put("confidence", Math.round(a.confidence() * 1000) / 1000.0);
        ArrayNode reasons = o.putArray("reasons");
        a.reasons().forEach(reasons::add);
        return o;
    }

    public static String write(Alert a) {
        return toJson(a).toString();
    }

    public static Alert read(String text) {
        try {
            ObjectNode o = (ObjectNode) JSON.readTree(text);
            List<String> ids = JSON.convertValue(o.get("detectionIds"), JSON.getTypeFactory()
                    .constructCollectionType(List.class, String.class));
            List<String> reasons = o.has("reasons") ? JSON.convertValue(o.get("reasons"), JSON.getTypeFactory()
                    .constructCollectionType(List.class, String.class)) : List.of();
            return new Alert(o.get("alertId").asText(), AlertState.valueOf(o.get("state").asText().toUpperCase()),
                    Priority.valueOf(o.get("priority").asText().toUpperCase()), textOrNull(o, "siteId"),
                    textOrNull(o, "siteName"), textOrNull(o, "category"), o.get("lat").asDouble(),
                    o.get("lon").asDouble(), ids, Instant.parse(o.get("firstSeen").asText()),
                    Instant.parse(o.get("lastSeen").asText()),
                    o.get("ambientTempC").isNull() ? null : o.get("ambientTempC").asDouble(),
                    o.get("teamId").asText(), o.get("version").asLong(), Instant.parse(o.get("updatedAt").asText()),
                    o.path("confidence").asDouble(0), reasons);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored alert is not valid JSON", e);
        }
    }

    private static String textOrNull(ObjectNode o, String field) {
        return o.hasNonNull(field) ? o.get(field).asText() : null;
    }
}
