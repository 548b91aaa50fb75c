package org.winterwatch.simulator.flight;

import java.util.List;
import org.winterwatch.geo.LatLon;

/** One geofence polygon as uploaded through MAVSDK's Geofence plugin: stay inside an inclusion, out of an exclusion. */
public record FencePolygon(List<LatLon> points, boolean inclusion) {

    public FencePolygon {
        points = List.copyOf(points);
        if (points.size() < 3) {
            throw new IllegalArgumentException("a geofence polygon needs at least 3 points, had " + points.size());
        }
    }

    /** Ray casting in degrees: fine for fences of a few kilometres away from the poles and the antimeridian. */
    public boolean contains(double lat, double lon) {
        boolean inside = false;
        for (int i = 0, j = points.size() - 1; i < points.size(); j = i++) {
            LatLon a = points.get(i);
            LatLon b = points.get(j);
            if ((a.lat() > lat) != (b.lat() > lat)
                    && lon < (b.lon() - a.lon()) * (lat - a.lat()) / (b.lat() - a.lat()) + a.lon()) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** True when a vehicle at lat/lon breaks this fence set (inside any exclusion, or outside every inclusion). */
    public static boolean violated(List<FencePolygon> fences, double lat, double lon) {
        boolean anyInclusion = false;
        boolean insideInclusion = false;
        for (FencePolygon fence : fences) {
            boolean in = fence.contains(lat, lon);
            if (fence.inclusion()) {
                anyInclusion = true;
                insideInclusion |= in;
            } else if (in) {
                return true;
            }
        }
        return anyInclusion && !insideInclusion;
    }
}
