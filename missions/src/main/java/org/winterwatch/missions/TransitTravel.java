package org.winterwatch.missions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.winterwatch.geo.transit.SafeTransit;
import org.winterwatch.missions.allocation.PointM;
import org.winterwatch.missions.allocation.Travel;

/**
 * Metres between two points as {@link SortieBuilder} will fly them: straight, or around the no-fly zones in the way
 * ({@link SafeTransit#route}), so that a sortie the solver fits to a battery still fits once its detours are flown.
 * A leg that meets no zone's bounding box is straight without asking; the others are routed once and kept.
 * Thread-safe (bases are solved in parallel).
 */
final class TransitTravel implements Travel {

    private record Leg(PointM from, PointM to) {
    }

    private final SafeTransit transit;
    private final List<Envelope> zones = new ArrayList<>();
    private final Map<Leg, Double> routed = new ConcurrentHashMap<>();

    TransitTravel(SafeTransit transit) {
        this.transit = transit;
        Geometry keepOut = transit.keepOut();
        for (int i = 0; i < keepOut.getNumGeometries(); i++) {
            zones.add(keepOut.getGeometryN(i).getEnvelopeInternal());
        }
    }

    @Override
    public double metres(PointM from, PointM to) {
        for (Envelope zone : zones) {
            if (crosses(from, to, zone)) {
                return routed.computeIfAbsent(new Leg(from, to), l -> SortieBuilder.length(transit.route(
                        new Coordinate(from.xM(), from.yM()), new Coordinate(to.xM(), to.yM()))));
            }
        }
        return from.distanceM(to);
    }

    /** Whether the segment touches the box (Liang-Barsky clipping). */
    static boolean crosses(PointM from, PointM to, Envelope box) {
        double dx = to.xM() - from.xM();
        double dy = to.yM() - from.yM();
        double[] t = {0, 1};
        return clip(-dx, from.xM() - box.getMinX(), t) && clip(dx, box.getMaxX() - from.xM(), t)
                && clip(-dy, from.yM() - box.getMinY(), t) && clip(dy, box.getMaxY() - from.yM(), t);
    }

    private static boolean clip(double p, double q, double[] t) {
        if (p == 0) {
            return q >= 0;
        }
        double r = q / p;
        if (p < 0) {
            if (r > t[1]) {
                return false;
            }
            t[0] = Math.max(t[0], r);
        } else {
            if (r < t[0]) {
                return false;
            }
            t[1] = Math.min(t[1], r);
        }
        return true;
    }
}
