package org.winterwatch.coordinator.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Turns a {@code ww/v1/detections/{sourceId}} payload into a {@link Detection}, or says exactly why not.
 */
public final class DetectionParser {

    static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final Duration maxAge;

    public DetectionParser(Clock clock, Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    public Detection parse(String topicSourceId, byte[] payload) throws InboundRejection {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new InboundRejection("payload is " + payload.length + " bytes; the limit is " + MAX_PAYLOAD_BYTES);
        }
        JsonNode json = readObject(payload);
        String id = text(json, "id", true);
        if (id.length() > 128) {
            throw new InboundRejection("id: longer than 128 characters");
        }
        String source = text(json, "source", true);
        if (topicSourceId != null && !topicSourceId.equals(source)) {
            throw new InboundRejection("source: '" + source + "' does not match the topic's source '" + topicSourceId + "'");
        }
        String kindText = text(json, "kind", true);
        DetectionKind kind = DetectionKind.sensorKind(kindText)
                .orElseThrow(() -> new InboundRejection("kind: '" + kindText + "' is not thermal or motion"));
        double lat = number(json, "lat", -90, 90);
        double lon = number(json, "lon", -180, 180);
        Instant observedAt = timestamp(json);
        double confidence = number(json, "confidence", 0, 1);
        Double tempC = optionalNumber(json, "tempC", -60, 100);
        Double heading = optionalNumber(json, "headingDeg", 0, 360);
        return new Detection(id, source, kind, lat, lon, observedAt, confidence, tempC,
                text(json, "siteId", false), heading, text(json, "imageRef", false));
    }

    static JsonNode readObject(byte[] payload) throws InboundRejection {
        JsonNode json;
        try {
            json = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InboundRejection("payload is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new InboundRejection("payload could not be read: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new InboundRejection("payload must be a JSON object");
        }
        return json;
    }

    static String text(JsonNode json, String field, boolean required) throws InboundRejection {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InboundRejection(field + ": missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new InboundRejection(field + ": must be a string, was " + node.getNodeType().name().toLowerCase());
        }
        if (required && node.asText().isBlank()) {
            throw new InboundRejection(field + ": must not be empty");
        }
        return node.asText();
    }

    static double number(JsonNode json, String field, double min, double max) throws InboundRejection {
        Double value = optionalNumber(json, field, min, max);
        if (value == null) {
            throw new InboundRejection(field + ": missing");
        }
        return value;
    }

    static Double optionalNumber(JsonNode json, String field, double min, double max) throws InboundRejection {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new InboundRejection(field + ": must be a number, was " + node.getNodeType().name().toLowerCase());
        }
        double v = node.asDouble();
        if (!Double.isFinite(v) || v < min || v > max) {
            throw new InboundRejection(field + ": " + v + " is outside " + min + ".." + max);
        }
        return v;
    }

    private Instant timestamp(JsonNode json) throws InboundRejection {
        String text = text(json, "observedAt", true);
        Instant at;
        try {
            at = UtcTimes.parse(text);
        } catch (DateTimeParseException e) {
            throw new InboundRejection("observedAt: '" + text + "' is not an ISO-8601 UTC time such as 2026-01-05T03:12:00Z");
        }
        Instant now = clock.instant();
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new InboundRejection("observedAt: " + text + " is in the future (now " + now + ")");
        }
        if (at.isBefore(now.minus(maxAge))) {
            throw new InboundRejection("observedAt: " + text + " is older than " + maxAge.toMinutes() + " minutes");
        }
        return at;
    }
}
