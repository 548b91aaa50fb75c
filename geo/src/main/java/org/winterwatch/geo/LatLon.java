package org.winterwatch.geo;

/**
 * A position in WGS 84 degrees, as it crosses module and wire boundaries.
 *
 * <p>Inside planners positions are metres in a local projection; this type never carries metres.
 */
public record LatLon(double lat, double lon) {

    public LatLon {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("lat must be within -90..90 degrees, was " + lat);
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("lon must be within -180..180 degrees, was " + lon);
        }
    }

    /** Parses {@code "LAT,LON"}, as the command line takes it. */
    public static LatLon parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected LAT,LON (for example 40.09,113.33), got '" + text + "'");
        }
        try {
            return new LatLon(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected LAT,LON as two numbers, got '" + text + "'");
        }
    }

    /** Great-circle distance in metres (haversine on the WGS 84 mean radius). */
    public double distanceM(LatLon other) {
        double r = 6_371_008.8;
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
