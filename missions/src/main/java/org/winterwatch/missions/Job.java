package org.winterwatch.missions;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.winterwatch.geo.coverage.SiteCoverage;

/**
 * One site to sweep, in the planner's metric frame.
 *
 * @param siteId   the site
 * @param coverage its coverage path (WGS 84)
 * @param pathM    the same path in metres
 * @param anchorM  a point of the site in metres, used to order sites around home
 * @param workS    estimated time to reach and sweep it, used to balance drones
 */
record Job(String siteId, SiteCoverage coverage, List<Coordinate> pathM, Coordinate anchorM, double workS) {

    Job {
        pathM = List.copyOf(pathM);
    }

    /** Bearing of the anchor seen from home (at the origin), 0..2 pi. */
    double angle() {
        double a = Math.atan2(anchorM.y, anchorM.x);
        return a < 0 ? a + 2 * Math.PI : a;
    }
}
