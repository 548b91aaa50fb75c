package org.winterwatch.simulator.world;

import java.util.Locale;
import java.util.Objects;
import org.winterwatch.geo.LatLon;

/**
 * A sensor fixed at a site: a motion sensor in an ATM lobby or a thermal camera at a culvert mouth. It looks
 * every {@code periodS} and publishes to {@code detections/{id}} when someone is within {@code rangeM};
 * {@code falsePerHour} spurious triggers (a passer-by, a draught) come on top.
 */
public record FixedSensorSpec(String id, Kind kind, LatLon position, String siteId, double rangeM, double periodS,
                              double falsePerHour) {

    /** What the sensor measures; names the detection's {@code kind}. */
    public enum Kind {
        MOTION, THERMAL;

        public static Kind parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("sensor kind must be motion or thermal, was '" + text + "'");
            }
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FixedSensorSpec {
        if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("sensor id must be 1-64 letters, digits, '.', '_' or '-', was '" + id + "'");
        }
        Objects.requireNonNull(kind, "kind of sensor " + id);
        Objects.requireNonNull(position, "position of sensor " + id);
        if (siteId != null && siteId.isBlank()) {
            siteId = null;
        }
        if (!(rangeM > 0 && rangeM <= 200)) {
            throw new IllegalArgumentException("sensor " + id + ": rangeM must be within (0, 200], was " + rangeM);
        }
        if (!(periodS >= 1 && periodS <= 3600)) {
            throw new IllegalArgumentException("sensor " + id + ": periodS must be within 1..3600, was " + periodS);
        }
        if (!(falsePerHour >= 0 && falsePerHour <= 3600)) {
            throw new IllegalArgumentException("sensor " + id + ": falsePerHour must be within 0..3600, was " + falsePerHour);
        }
    }
}
