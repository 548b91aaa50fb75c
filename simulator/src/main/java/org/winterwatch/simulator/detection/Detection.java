package org.winterwatch.simulator.detection;

import java.time.Instant;
import java.util.Objects;

/**
 * A thermal detection as the onboard detector reports it (CONTRACT §4, {@code detections/{sourceId}}).
 *
 * @param siteId the person's site when known, else null
 */
public record Detection(String id, String source, double lat, double lon, Instant observedAt, double confidence,
                        double tempC, String siteId, double headingDeg) {

    public static final String KIND = "thermal";

    public Detection {
        if (id == null || id.isBlank() || source == null || source.isBlank()) {
            throw new IllegalArgumentException("detection id and source must not be blank");
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90 || !Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("detection position out of range: " + lat + "," + lon);
        }
        Objects.requireNonNull(observedAt, "observedAt");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
    }
}
