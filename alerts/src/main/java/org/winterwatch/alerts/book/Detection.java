package org.winterwatch.alerts.book;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One observation of a possible person: by a drone's thermal camera, a fixed sensor, or a person's tip
 * (CONTRACT §4). A tip is a detection from a person: it enters the same alert flow.
 *
 * @param tempC surface temperature seen, or null when the sensor has none
 * @param siteId the site the sensor believes it watches, or null
 * @param flags for tips: what the note says that matters (child, injury, elderly)
 */
public record Detection(String id, String source, DetectionKind kind, double lat, double lon, Instant observedAt,
                        double confidence, Double tempC, String siteId, Double headingDeg, String imageRef,
                        String note, List<String> flags) {

    public Detection {
        requireText(id, "id");
        requireText(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(observedAt, "observedAt");
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be within -90..90, was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon must be within -180..180, was " + lon);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** A sensor's detection, without the tip-only fields. */
    public Detection(String id, String source, DetectionKind kind, double lat, double lon, Instant observedAt,
                     double confidence, Double tempC, String siteId, Double headingDeg, String imageRef) {
        this(id, source, kind, lat, lon, observedAt, confidence, tempC, siteId, headingDeg, imageRef, null, List.of());
    }

    /** The key under which the message is stored for idempotency: tips and sensor detections never collide. */
    public String storageKey() {
        return kind == DetectionKind.TIP ? "tip/" + id : id;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-empty string");
        }
    }
}
