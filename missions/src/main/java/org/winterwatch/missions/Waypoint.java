package org.winterwatch.missions;

/**
 * One point of a sortie, in WGS 84 with the altitude above the launch point.
 *
 * @param cameraOn true on sweep paths, false on transit
 * @param siteId   the site being swept, or null on transit
 */
public record Waypoint(double lat, double lon, double altitudeM, double speedMps, boolean cameraOn, String siteId) {

    public Waypoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("waypoint outside WGS 84 range: " + lat + "," + lon);
        }
        if (!(altitudeM > 0 && altitudeM <= 500)) {
            throw new IllegalArgumentException("altitudeM must be within (0, 500], was " + altitudeM);
        }
        if (!(speedMps > 0 && speedMps <= 30)) {
            throw new IllegalArgumentException("speedMps must be within (0, 30], was " + speedMps);
        }
    }
}
