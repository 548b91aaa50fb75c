package org.winterwatch.coordinator.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The alert's wire form (CONTRACT §4 plus our additions), shared by MQTT, HTTP and the database. */
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
        strings(o.putArray("detectionIds"), a.detectionIds());
        o.put("detectionCount", a.detectionCount());
        strings(o.putArray("sources"), a.sources());
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
        strings(o.putArray("reasons"), a.reasons());
        o.put("dispatch", a.dispatch().wireName());
        o.put("dispatchedAt", text(a.dispatchedAt()));
        o.put("acknowledgedAt", text(a.acknowledgedAt()));
        o.put("escalations", a.escalations());
        o.put("outcome", a.outcome() == null ? null : a.outcome().wireName());
        strings(o.putArray("items"), a.items());
        o.put("note", a.note());
        o.put("lastActionBy", a.lastActionBy());
        o.put("knownSpot", a.knownSpot());
        ArrayNode history = o.putArray("siteHistory");
        for (SiteVisit v : a.siteHistory()) {
            history.addObject().put("resolvedAt", v.resolvedAt().toString()).put("outcome", v.outcome().wireName());
        }
        o.put("imageRef", a.imageRef());
        strings(o.putArray("flags"), a.flags());
        return o;
    }

    public static String write(Alert a) {
        return toJson(a).toString();
    }

    public static Alert read(String text) {
        try {
            JsonNode o = JSON.readTree(text);
            List<SiteVisit> history = new ArrayList<>();
            for (JsonNode v : o.path("siteHistory")) {
                history.add(new SiteVisit(Instant.parse(v.get("resolvedAt").asText()),
                        Outcome.valueOf(v.get("outcome").asText().toUpperCase(Locale.ROOT))));
            }
            return new Alert.Builder()
                    .alertId(o.get("alertId").asText())
                    .state(AlertState.valueOf(o.get("state").asText().toUpperCase(Locale.ROOT)))
                    .priority(Priority.valueOf(o.get("priority").asText().toUpperCase(Locale.ROOT)))
                    .siteId(textOrNull(o, "siteId"))
                    .siteName(textOrNull(o, "siteName"))
                    .category(textOrNull(o, "category"))
                    .lat(o.get("lat").asDouble())
                    .lon(o.get("lon").asDouble())
                    .detectionIds(list(o.get("detectionIds")))
                    .detectionCount(o.path("detectionCount").asLong(0))
                    .sources(list(o.get("sources")))
                    .firstSeen(Instant.parse(o.get("firstSeen").asText()))
                    .lastSeen(Instant.parse(o.get("lastSeen").asText()))
                    .ambientTempC(o.hasNonNull("ambientTempC") ? o.get("ambientTempC").asDouble() : null)
                    .teamId(o.get("teamId").asText())
                    .version(o.get("version").asLong())
                    .updatedAt(Instant.parse(o.get("updatedAt").asText()))
                    .confidence(o.path("confidence").asDouble(0))
                    .reasons(list(o.get("reasons")))
                    .dispatch(Dispatch.valueOf(o.path("dispatch").asText("team").toUpperCase(Locale.ROOT)))
                    .dispatchedAt(instant(o, "dispatchedAt"))
                    .acknowledgedAt(instant(o, "acknowledgedAt"))
                    .escalations(o.path("escalations").asInt(0))
                    .outcome(o.hasNonNull("outcome") ? Outcome.valueOf(o.get("outcome").asText().toUpperCase(Locale.ROOT)) : null)
                    .items(list(o.get("items")))
                    .note(textOrNull(o, "note"))
                    .lastActionBy(textOrNull(o, "lastActionBy"))
                    .knownSpot(o.path("knownSpot").asBoolean(false))
                    .siteHistory(history)
                    .imageRef(textOrNull(o, "imageRef"))
                    .flags(list(o.get("flags")))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("stored alert is not valid JSON", e);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(JsonNode o, String field) {
        return o.hasNonNull(field) ? Instant.parse(o.get(field).asText()) : null;
    }

    private static String textOrNull(JsonNode o, String field) {
        return o.hasNonNull(field) ? o.get(field).asText() : null;
    }
}
