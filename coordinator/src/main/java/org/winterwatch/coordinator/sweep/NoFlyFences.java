package org.winterwatch.coordinator.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.winterwatch.drone.GeoPoint;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

/** The layer's no-fly zones as the exclusion polygons a vehicle's geofence takes (outer rings, WGS 84). */
final class NoFlyFences {

    private NoFlyFences() {
    }

    static List<List<GeoPoint>> of(SiteLayer layer) {
        List<List<GeoPoint>> fences = new ArrayList<>();
        for (Site zone : layer.noFlyZones()) {
            Geometry g = zone.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon p) {
                    Coordinate[] ring = p.getExteriorRing().getCoordinates();
                    // the ring repeats its first corner at the end; a fence lists each corner once
                    fences.add(Arrays.stream(ring, 0, ring.length - 1).map(c -> new GeoPoint(c.y, c.x)).toList());
                }
            }
        }
        return fences;
    }
}
