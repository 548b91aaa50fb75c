package org.winterwatch.simulator.detection;

import java.time.Instant;
import java.util.Objects;

/**
 * A detection as a drone's onboard detector or a fixed sensor reports it (CONTRACT §4,
 * {@code detections/{sourceId}}).
 *
 * @param simulatedAt when it was seen, in simulated time; the published {@code observedAt} is the wall-clock time of
 *                    publishing instead (see {@link DetectionJson})
 * @param tempC NaN when the sensor measures no temperature (motion)
 * @param siteId the person's or sensor's site when known, else null
 * @param headingDeg the drone's heading; NaN for a fixed sensor
 * @param kind {@code thermal} or {@code motion}
 */
public record Detection(String id, String source, double lat, double lon, Instant simulatedAt, double confidence,
                        double tempC, String siteId, double headingDeg, String kind) {

    public static final String KIND = "thermal";
    public static final String MOTION = "motion";

    /** A thermal detection. */
    public Detection(String id, String source, double lat, double lon, Instant simulatedAt, double confidence,
                     double tempC, String siteId, double headingDeg) {
        this(id, source, lat, lon, simulatedAt, confidence, tempC, siteId, headingDeg, KIND);
    }

    public Detection {
        if (!KIND.equals(kind) && !MOTION.equals(kind)) {
            throw new IllegalArgumentException("detection kind must be thermal or motion, was " + kind);
        }
        if (id == null || id.isBlank() || source == null || source.isBlank()) {
            throw new IllegalArgumentException("detection id and source must not be blank");
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90 || !Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("detection position out of range: " + lat + "," + lon);
        }
        Objects.requireNonNull(simulatedAt, "simulatedAt");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
    }
}
