package org.winterwatch.geo.coverage;

import java.util.List;
import java.util.Objects;
import org.winterwatch.geo.LatLon;

/**
 * The camera-on path that covers one site, and how much of the site it sees.
 *
 * @param siteId          the site covered
 * @param path            WGS 84 positions in flight order; empty when nothing of the site may be flown over
 * @param swathWidthM     ground width seen along the path (after overlap)
 * @param lengthM         length of the path in metres
 * @param dwellS          time spent hovering on the path (hover over a point site), seconds
 * @param coveredFraction fraction of the site outside no-fly zones that the path sees (0..1)
 * @param noFlyFraction   fraction of the site inside no-fly zones, left out of the sweep (0..1)
 * @param noFlyZoneIds    the no-fly zones that overlap the site, in layer order
 */
public record SiteCoverage(String siteId, List<LatLon> path, double swathWidthM, double lengthM, double dwellS,
                           double coveredFraction, double noFlyFraction, List<String> noFlyZoneIds) {

    public SiteCoverage {
        if (siteId == null || siteId.isBlank()) {
            throw new IllegalArgumentException("siteId must not be blank");
        }
        path = List.copyOf(Objects.requireNonNull(path, "path"));
        noFlyZoneIds = List.copyOf(Objects.requireNonNull(noFlyZoneIds, "noFlyZoneIds"));
        if (!(swathWidthM > 0)) {
            throw new IllegalArgumentException("swathWidthM must be > 0, was " + swathWidthM);
        }
        if (!(lengthM >= 0) || !Double.isFinite(lengthM)) {
            throw new IllegalArgumentException("lengthM must be >= 0, was " + lengthM);
        }
        if (!(dwellS >= 0) || !Double.isFinite(dwellS)) {
            throw new IllegalArgumentException("dwellS must be >= 0, was " + dwellS);
        }
        if (!(coveredFraction >= 0 && coveredFraction <= 1) || !(noFlyFraction >= 0 && noFlyFraction <= 1)) {
            throw new IllegalArgumentException("fractions must be within 0..1, were " + coveredFraction + " and "
                    + noFlyFraction);
        }
    }

    /** A path with nothing known about what it sees: no dwell, full coverage, no no-fly zone. */
    public SiteCoverage(String siteId, List<LatLon> path, double swathWidthM, double lengthM) {
        this(siteId, path, swathWidthM, lengthM, 0, 1, 0, List.of());
    }

    /** True when no part of the site could be swept (for example, it lies inside a no-fly zone). */
    public boolean isEmpty() {
        return path.isEmpty();
    }
}
