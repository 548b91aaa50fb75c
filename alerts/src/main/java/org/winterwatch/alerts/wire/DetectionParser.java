package org.winterwatch.alerts.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.winterwatch.alerts.book.Detection;
import org.winterwatch.alerts.book.DetectionKind;
import org.winterwatch.alerts.clocks.SourceClocks;

/**
 * Turns a {@code ww/v1/detections/{sourceId}} payload into a {@link Detection}, or says exactly why not.
 *
 * <p>A source's clock may run ahead of the coordinator's: an {@code observedAt} up to {@code maxClockSkew} in the
 * future is accepted and clamped to the coordinator's now (nothing is seen before it happens); further ahead it is
 * refused, naming the field. Every source's offset is noted in {@link SourceClocks}, refused ones included.
 * Fields the contract does not name (such as the simulator's {@code simulatedAt}) are ignored.
 */
public final class DetectionParser {

    static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    /** How far ahead of the coordinator's clock a source's may run before its messages are refused. */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxClockSkew;
    private final SourceClocks sourceClocks;

    public DetectionParser(Clock clock, Duration maxAge) {
        this(clock, maxAge, DEFAULT_MAX_CLOCK_SKEW, new SourceClocks());
    }

    public DetectionParser(Clock clock, Duration maxAge, Duration maxClockSkew, SourceClocks sourceClocks) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.maxClockSkew = checkedSkew(maxClockSkew);
        this.sourceClocks = Objects.requireNonNull(sourceClocks, "sourceClocks");
    }

    static Duration checkedSkew(Duration maxClockSkew) {
        if (maxClockSkew == null || maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("max clock skew must be zero or more, was " + maxClockSkew);
        }
        return maxClockSkew;
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
        Instant observedAt = timestamp(json, source);
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

    private Instant timestamp(JsonNode json, String source) throws InboundRejection {
        Instant now = clock.instant();
        Instant claimed = claimedTime(json, "observedAt");
        sourceClocks.record(source, claimed, now);
        return observedAt(claimed, "observedAt", now, maxClockSkew, maxAge);
    }

    /** The field as an instant, exactly as the sender wrote it. */
    static Instant claimedTime(JsonNode json, String field) throws InboundRejection {
        String text = text(json, field, true);
        try {
            return UtcTimes.parse(text);
        } catch (DateTimeParseException e) {
            throw new InboundRejection(field + ": '" + text + "' is not an ISO-8601 UTC time such as 2026-01-05T03:12:00Z");
        }
    }

    /**
     * The time to believe for a message received {@code now}: the claimed one, or now when the sender's clock runs
     * ahead by no more than {@code maxClockSkew}; refused when it is further ahead or older than {@code maxAge}.
     */
    static Instant observedAt(Instant claimed, String field, Instant now, Duration maxClockSkew, Duration maxAge)
            throws InboundRejection {
        if (claimed.isAfter(now)) {
            Duration ahead = Duration.between(now, claimed);
            if (ahead.compareTo(maxClockSkew) > 0) {
                throw new InboundRejection(field + ": " + claimed + " is " + seconds(ahead) + " s in the future by the "
                        + "coordinator's clock (now " + now + "); at most " + seconds(maxClockSkew) + " s ahead is "
                        + "accepted (max_clock_skew_s): set the sender's clock right");
            }
            return now;
        }
        if (claimed.isBefore(now.minus(maxAge))) {
            throw new InboundRejection(field + ": " + claimed + " is older than " + maxAge.toMinutes() + " minutes");
        }
        return claimed;
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
