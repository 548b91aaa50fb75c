package org.winterwatch.missions;

/**
 * One point of a sortie's route, as the autopilot flies it.
 *
 * @param lat       WGS 84 degrees
 * @param lon       WGS 84 degrees
 * @param altitudeM height above the take-off point
 * @param speedMps  ground speed towards this point
 * @param cameraOn  whether the camera records on the leg ending here (true while sweeping a site)
 * @param siteId    the site being swept, {@code null} on transit legs
 * @param holdS     seconds to hover here before going on (a hover over a point site), else 0
 */
public record Waypoint(double lat, double lon, double altitudeM, double speedMps, boolean cameraOn, String siteId,
                       double holdS) {

    /** A waypoint flown through without stopping. */
    public Waypoint(double lat, double lon, double altitudeM, double speedMps, boolean cameraOn, String siteId) {
        this(lat, lon, altitudeM, speedMps, cameraOn, siteId, 0);
    }

    public Waypoint {
        if (!Double.isFinite(lat) || Math.abs(lat) > 90 || !Double.isFinite(lon) || Math.abs(lon) > 180) {
            throw new IllegalArgumentException("waypoint position out of range: " + lat + ", " + lon);
        }
        if (!Double.isFinite(altitudeM) || altitudeM < 0) {
            throw new IllegalArgumentException("altitudeM must be >= 0, was " + altitudeM);
        }
        if (!(speedMps > 0) || !Double.isFinite(speedMps)) {
            throw new IllegalArgumentException("speedMps must be > 0, was " + speedMps);
        }
        if (!Double.isFinite(holdS) || holdS < 0) {
            throw new IllegalArgumentException("holdS must be >= 0, was " + holdS);
        }
        if (siteId != null && siteId.isBlank()) {
            throw new IllegalArgumentException("siteId must be null or non-blank");
        }
    }
}
