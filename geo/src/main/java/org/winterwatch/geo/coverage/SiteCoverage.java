package org.winterwatch.geo.coverage;

import java.util.List;
import java.util.Objects;
import org.winterwatch.geo.LatLon;

/**
 * The camera-on path that covers one site.
 *
 * @param siteId      the site covered
 * @param path        WGS 84 positions in flight order; empty when nothing of the site may be flown over
 * @param swathWidthM ground width seen along the path (after overlap)
 * @param lengthM     length of the path in metres
 */
public record SiteCoverage(String siteId, List<LatLon> path, double swathWidthM, double lengthM) {

    public SiteCoverage {
        if (siteId == null || siteId.isBlank()) {
            throw new IllegalArgumentException("siteId must not be blank");
        }
        path = List.copyOf(Objects.requireNonNull(path, "path"));
        if (!(swathWidthM > 0)) {
            throw new IllegalArgumentException("swathWidthM must be > 0, was " + swathWidthM);
        }
        if (!(lengthM >= 0) || !Double.isFinite(lengthM)) {
            throw new IllegalArgumentException("lengthM must be >= 0, was " + lengthM);
        }
    }

    /** True when no part of the site could be swept (for example, it lies inside a no-fly zone). */
    public boolean isEmpty() {
        return path.isEmpty();
    }
}
