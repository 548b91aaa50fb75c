package org.winterwatch.alerts.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.book.Dispatch;
import org.winterwatch.alerts.book.Outcome;
import org.winterwatch.alerts.book.Priority;
import org.winterwatch.alerts.book.SiteVisit;

/** The alert's wire form (CONTRACT §4 plus our additions), shared by MQTT, HTTP and the database. */
public final class AlertJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {
    }

    /** The alert as a JSON tree (for HTTP responses that embed alerts). */
    public static ObjectNode toJson(Alert a) {
        try {
            return (ObjectNode) JSON.readTree(write(a));
        } catch (IOException e) {
            throw new IllegalStateException("alert JSON did not parse back", e);
        }
    }

    /**
     * The alert's JSON text. Written once per alert version and used as it is for the database, the outbox and
     * MQTT, so it is streamed rather than built as a tree.
     */
    public static String write(Alert a) {
        TextWriter out = new TextWriter(1536);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("alertId", a.alertId());
            g.writeStringField("state", a.state().wireName());
            g.writeStringField("priority", a.priority().wireName());
            g.writeNumberField("risk", Math.round(a.risk() * 1000) / 1000.0);
            g.writeStringField("siteId", a.siteId());
            g.writeStringField("siteName", a.siteName());
            g.writeStringField("category", a.category());
            g.writeNumberField("lat", a.lat());
            g.writeNumberField("lon", a.lon());
            strings(g, "detectionIds", a.detectionIds());
            g.writeNumberField("detectionCount", a.detectionCount());
            strings(g, "sources", a.sources());
            g.writeStringField("firstSeen", a.firstSeen().toString());
            g.writeStringField("lastSeen", a.lastSeen().toString());
            if (a.ambientTempC() == null) {
                g.writeNullField("ambientTempC");
            } else {
                g.writeNumberField("ambientTempC", a.ambientTempC());
            }
            g.writeStringField("teamId", a.teamId());
            g.writeNumberField("version", a.version());
            g.writeStringField("updatedAt", a.updatedAt().toString());
            g.writeNumberField("confidence", Math.round(a.confidence() * 1000) / 1000.0);
            strings(g, "reasons", a.reasons());
            g.writeStringField("dispatch", a.dispatch().wireName());
            g.writeStringField("dispatchedAt", text(a.dispatchedAt()));
            g.writeStringField("acknowledgedAt", text(a.acknowledgedAt()));
            g.writeStringField("onSiteAt", text(a.onSiteAt()));
            g.writeNumberField("escalations", a.escalations());
            g.writeStringField("outcome", a.outcome() == null ? null : a.outcome().wireName());
            strings(g, "items", a.items());
            g.writeStringField("note", a.note());
            g.writeStringField("lastActionBy", a.lastActionBy());
            g.writeBooleanField("knownSpot", a.knownSpot());
            g.writeArrayFieldStart("siteHistory");
            for (SiteVisit v : a.siteHistory()) {
                g.writeStartObject();
                g.writeStringField("resolvedAt", v.resolvedAt().toString());
                g.writeStringField("outcome", v.outcome().wireName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("imageRef", a.imageRef());
            strings(g, "flags", a.flags());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("alert could not be written as JSON", e);
        }
        return out.toString();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    public static Alert read(String text) {
        try {
            JsonNode o = JSON.readTree(text);
            // versions stored before alerts had a risk get the lowest risk of their priority
            Priority priority = Priority.valueOf(o.get("priority").asText().toUpperCase(Locale.ROOT));
            List<SiteVisit> history = new ArrayList<>();
            for (JsonNode v : o.path("siteHistory")) {
                history.add(new SiteVisit(Instant.parse(v.get("resolvedAt").asText()),
                        Outcome.valueOf(v.get("outcome").asText().toUpperCase(Locale.ROOT))));
            }
            return new Alert.Builder()
                    .alertId(o.get("alertId").asText())
                    .state(AlertState.valueOf(o.get("state").asText().toUpperCase(Locale.ROOT)))
                    .risk(o.hasNonNull("risk") ? o.get("risk").asDouble() : priority.floor())
                    .priority(priority)
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
                    .onSiteAt(instant(o, "onSiteAt"))
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

    /** A writer into a plain StringBuilder ({@link java.io.StringWriter} locks a StringBuffer on every write). */
    private static final class TextWriter extends Writer {
        private final StringBuilder text;

        TextWriter(int capacity) {
            text = new StringBuilder(capacity);
        }

        @Override
        public void write(char[] chars, int off, int len) {
            text.append(chars, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            text.append(str, off, off + len);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
