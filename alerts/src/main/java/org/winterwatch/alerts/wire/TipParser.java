package org.winterwatch.alerts.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.winterwatch.alerts.book.Detection;
import org.winterwatch.alerts.book.DetectionKind;

/**
 * Turns a tip from an information sentinel ({@code ww/v1/tips} or {@code POST /api/v1/tips}) into a detection
 * of kind {@code tip}: a street sweeper's or courier's sighting enters the same alert flow as a camera's.
 */
public final class TipParser {

    private static final Set<String> TRAINED_ROLES = Set.of("police", "relief_worker", "outreach_worker",
            "street_sweeper", "sanitation_worker", "courier", "delivery_rider", "security_guard", "city_management");
    private static final double TRAINED_CONFIDENCE = 0.75;
    private static final double PUBLIC_CONFIDENCE = 0.6;
    /** A name or handle; the stored source is {@code tip:<reporter>}. */
    static final int MAX_REPORTER_CHARS = 100;
    static final int MAX_ROLE_CHARS = 64;

    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxClockSkew;

    public TipParser(Clock clock, Duration maxAge) {
        this(clock, maxAge, DetectionParser.DEFAULT_MAX_CLOCK_SKEW);
    }

    /** A tip up to {@code maxClockSkew} ahead of the coordinator's clock is taken as seen now, as a detection is. */
    public TipParser(Clock clock, Duration maxAge, Duration maxClockSkew) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxClockSkew = DetectionParser.checkedSkew(maxClockSkew);
    }

    public Detection parse(byte[] payload) throws InboundRejection {
        if (payload.length > DetectionParser.MAX_PAYLOAD_BYTES) {
            throw new InboundRejection("payload is " + payload.length + " bytes; the limit is " + DetectionParser.MAX_PAYLOAD_BYTES);
        }
        JsonNode json = DetectionParser.readObject(payload);
        String id = DetectionParser.text(json, "id", true);
        if (id.length() > 120) {
            throw new InboundRejection("id: longer than 120 characters");
        }
        String reporter = DetectionParser.text(json, "reporter", true);
        if (reporter.length() > MAX_REPORTER_CHARS) {
            throw new InboundRejection("reporter: longer than " + MAX_REPORTER_CHARS + " characters");
        }
        String role = DetectionParser.text(json, "reporterRole", true);
        if (role.length() > MAX_ROLE_CHARS) {
            throw new InboundRejection("reporterRole: longer than " + MAX_ROLE_CHARS + " characters");
        }
        double lat = DetectionParser.number(json, "lat", -90, 90);
        double lon = DetectionParser.number(json, "lon", -180, 180);
        Instant observedAt = DetectionParser.observedAt(DetectionParser.claimedTime(json, "observedAt"), "observedAt",
                clock.instant(), maxClockSkew, maxAge);
        String note = DetectionParser.text(json, "note", false);
        if (note != null && note.length() > 2000) {
            throw new InboundRejection("note: longer than 2000 characters");
        }
        double confidence = TRAINED_ROLES.contains(role.toLowerCase(Locale.ROOT)) ? TRAINED_CONFIDENCE : PUBLIC_CONFIDENCE;
        return new Detection(id, "tip:" + reporter, DetectionKind.TIP, lat, lon, observedAt, confidence, null, null,
                null, null, note, flagsOf(note));
    }

    /** What a tip's note says that raises urgency; English and Chinese keywords. */
    static List<String> flagsOf(String note) {
        List<String> flags = new ArrayList<>();
        if (note == null) {
            return flags;
        }
        String n = note.toLowerCase(Locale.ROOT);
        if (containsAny(n, "child", "kid", "minor", "boy", "girl", "baby", "孩子", "儿童", "小孩", "未成年")) {
            flags.add("child");
        }
        if (containsAny(n, "injur", "bleed", "wound", "unconscious", "not moving", "unresponsive", "受伤", "流血", "昏迷", "不动")) {
            flags.add("injury");
        }
        if (containsAny(n, "elderly", "old man", "old woman", "老人", "老年")) {
            flags.add("elderly");
        }
        return flags;
    }

    private static boolean containsAny(String text, String... words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
