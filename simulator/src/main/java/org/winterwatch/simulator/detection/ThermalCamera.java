package org.winterwatch.simulator.detection;

import org.winterwatch.geo.LatLon;

/**
 * The downward-looking thermal camera's ground footprint: a person is in view when their distance to
 * the ground track flown during a tick is within half the footprint width. Measuring against the
 * segment rather than the end point means a fast tick never skips a person.
 */
public final class ThermalCamera {

    /** Horizontal field of view of the default thermal camera (640x512, 50 x 40 deg). */
    public static final double HFOV_DEG = 50;
    /** Below this altitude the camera sees too little to report anything. */
    public static final double MIN_ALTITUDE_M = 5;
    /** Horizontal resolution of the thermal sensor. */
    public static final int SENSOR_WIDTH_PX = 640;
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private ThermalCamera() {
    }

    /** Half the footprint width on the ground at {@code altitudeM}. */
    public static double halfWidthM(double altitudeM) {
        return Math.max(0, altitudeM) * Math.tan(Math.toRadians(HFOV_DEG / 2));
    }

    /** Pixels across a person (about 0.5 m wide) at {@code altitudeM}, for a 640-pixel-wide sensor. */
    public static double pixelsOnPerson(double altitudeM) {
        return 0.5 * SENSOR_WIDTH_PX / (2 * halfWidthM(altitudeM));
    }

    /**
     * Probability that one look finds a warm body: certain with 5 or more pixels across it (below about 69 m),
     * falling to nothing at 1.5 pixels (about 230 m); certain from 15 °C of contrast with the ground, nothing
     * below 2 °C; and only the visible share of the body counts ({@code occlusion} 0.6 under a bridge deck).
     */
    public static double detectionProbability(double altitudeM, double contrastC, double occlusion) {
        double px = pixelsOnPerson(Math.max(altitudeM, MIN_ALTITUDE_M));
        double byAltitude = Math.max(0, Math.min(1, (px - 1.5) / 3.5));
        double byContrast = Math.max(0, Math.min(1, (contrastC - 2) / 13));
        double visible = 1 - Math.max(0, Math.min(1, occlusion));
        return byAltitude * byContrast * visible;
    }

    /** Ground distance in metres from {@code p} to the segment {@code a}-{@code b} (local flat-earth). */
    public static double distanceToSegmentM(LatLon p, LatLon a, LatLon b) {
        double cosLat = Math.cos(Math.toRadians(p.lat()));
        double ax = Math.toRadians(a.lon() - p.lon()) * EARTH_RADIUS_M * cosLat;
        double ay = Math.toRadians(a.lat() - p.lat()) * EARTH_RADIUS_M;
        double bx = Math.toRadians(b.lon() - p.lon()) * EARTH_RADIUS_M * cosLat;
        double by = Math.toRadians(b.lat() - p.lat()) * EARTH_RADIUS_M;
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSq = dx * dx + dy * dy;
        double t = lengthSq == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSq));
        return Math.hypot(ax + t * dx, ay + t * dy);
    }
}
