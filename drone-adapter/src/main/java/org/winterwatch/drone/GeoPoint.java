package org.winterwatch.drone;

/** A WGS 84 position without altitude: a corner of a no-fly zone. */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (!Double.isFinite(lat) || Math.abs(lat) > 90 || !Double.isFinite(lon) || Math.abs(lon) > 180) {
            throw new IllegalArgumentException("position out of range: " + lat + ", " + lon);
        }
    }
}
