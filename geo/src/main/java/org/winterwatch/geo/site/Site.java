package org.winterwatch.geo.site;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.winterwatch.geo.LatLon;

/**
 * One place that patrols look at (or, for {@link SiteCategory#NO_FLY_ZONE}, that drones must never enter).
 *
 * @param id              unique within its layer
 * @param name            human name (English, with pinyin where it helps ground teams)
 * @param category        what kind of place it is
 * @param priority        1 (low) to 5 (high)
 * @param team            ground team alerted for this site, may be {@code null}
 * @param geometry        WGS 84, x = longitude, y = latitude
 * @param corridorWidthM  ground width to sweep along line sites
 */
public record Site(String id, String name, SiteCategory category, int priority, String team,
                   Geometry geometry, double corridorWidthM) {

    public static final int DEFAULT_PRIORITY = 3;
    public static final double DEFAULT_CORRIDOR_WIDTH_M = 30;

    public Site {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("site id must not be blank");
        }
        name = name == null || name.isBlank() ? id : name;
        Objects.requireNonNull(category, "category");
        if (priority < 1 || priority > 5) {
            throw new IllegalArgumentException("priority must be 1..5, was " + priority + " for site " + id);
        }
        Objects.requireNonNull(geometry, "geometry");
        if (geometry.isEmpty()) {
            throw new IllegalArgumentException("geometry of site " + id + " is empty");
        }
        if (!(corridorWidthM > 0) || !Double.isFinite(corridorWidthM)) {
            throw new IllegalArgumentException("corridorWidthM must be > 0, was " + corridorWidthM + " for site " + id);
        }
        if (category == SiteCategory.NO_FLY_ZONE && geometry.getDimension() != 2) {
            throw new IllegalArgumentException("no-fly zone " + id + " must be a polygon");
        }
        geometry = geometry.copy();
    }

    /** A site with the default priority and corridor width and no team. */
    public static Site of(String id, String name, SiteCategory category, Geometry geometry) {
        return new Site(id, name, category, DEFAULT_PRIORITY, null, geometry, DEFAULT_CORRIDOR_WIDTH_M);
    }

    /** The geometry; a defensive copy, since JTS geometries are mutable. */
    @Override
    public Geometry geometry() {
        return geometry.copy();
    }

    /** A point on the site: the point itself, else an interior point of the line or area. */
    public LatLon anchor() {
        Point p = geometry instanceof Point point ? point : geometry.getInteriorPoint();
        return new LatLon(p.getY(), p.getX());
    }

    public boolean isNoFlyZone() {
        return category == SiteCategory.NO_FLY_ZONE;
    }
}
