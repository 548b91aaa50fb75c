package org.winterwatch.simulator.flight;

import java.util.Objects;

/**
 * One mission item as the simulated autopilot flies it.
 *
 * @param speedMps speed to use after this item; NaN = keep the current speed
 */
public record SimWaypoint(double lat, double lon, double relAltitudeM, double speedMps, CameraCommand camera) {

    public SimWaypoint {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90 || !Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("mission item position out of range: " + lat + "," + lon);
        }
        if (!Double.isFinite(relAltitudeM) || relAltitudeM < 0 || relAltitudeM > 1000) {
            throw new IllegalArgumentException("mission item altitude must be within 0..1000 m, was " + relAltitudeM);
        }
        if (!Double.isNaN(speedMps) && (speedMps <= 0 || speedMps > 40)) {
            throw new IllegalArgumentException("mission item speed must be within (0, 40] m/s or unset, was " + speedMps);
        }
        Objects.requireNonNull(camera, "camera");
    }
}
