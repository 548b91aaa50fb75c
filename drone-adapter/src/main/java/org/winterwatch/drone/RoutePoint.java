package org.winterwatch.drone;

/**
 * One point of a route handed to a drone: where to fly, how high above home, how fast, and whether
 * the thermal camera records from here on.
 */
public record RoutePoint(double lat, double lon, double relAltitudeM, double speedMps, boolean cameraOn) {

    public static final double MAX_ALTITUDE_M = 120;
    public static final double MAX_SPEED_MPS = 25;

    public RoutePoint {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("lat must be within -90..90 degrees, was " + lat);
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("lon must be within -180..180 degrees, was " + lon);
        }
        if (!Double.isFinite(relAltitudeM) || relAltitudeM < 1 || relAltitudeM > MAX_ALTITUDE_M) {
            throw new IllegalArgumentException("relAltitudeM must be within 1.." + MAX_ALTITUDE_M + " m, was " + relAltitudeM);
        }
        if (!Double.isFinite(speedMps) || speedMps <= 0 || speedMps > MAX_SPEED_MPS) {
            throw new IllegalArgumentException("speedMps must be within (0, " + MAX_SPEED_MPS + "] m/s, was " + speedMps);
        }
    }
}
