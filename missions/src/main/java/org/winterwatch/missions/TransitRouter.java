package org.winterwatch.missions;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * Straight transit between two points in metres, detouring around no-fly zones via the corners of their
 * margin-buffered envelopes when the straight line would enter one.
 */
final class TransitRouter {

    private static final double MARGIN_M = 25;

    private final GeometryFactory factory;
    private final List<Geometry> zones;
    private final List<Envelope> detourBoxes = new ArrayList<>();

    TransitRouter(GeometryFactory factory, List<Geometry> zonesInMetres) {
        this.factory = factory;
        this.zones = List.copyOf(zonesInMetres);
        for (Geometry z : zones) {
            Envelope e = new Envelope(z.getEnvelopeInternal());
            e.expandBy(MARGIN_M);
            detourBoxes.add(e);
        }
    }

    /** Intermediate points (possibly none) to fly from a to b without entering a zone. */
    List<Coordinate> via(Coordinate a, Coordinate b) {
        if (clear(a, b)) {
            return List.of();
        }
        List<Coordinate> best = null;
        double bestLength = Double.MAX_VALUE;
        for (Envelope box : detourBoxes) {
            Coordinate[] corners = corners(box);
            for (int i = 0; i < 4; i++) {
                List<List<Coordinate>> candidates = List.of(
                        List.of(corners[i]),
                        List.of(corners[i], corners[(i + 1) % 4]),
                        List.of(corners[i], corners[(i + 3) % 4]));
                for (List<Coordinate> c : candidates) {
                    double length = pathLength(a, c, b);
                    if (length < bestLength && clearPath(a, c, b)) {
                        best = c;
                        bestLength = length;
                    }
                }
            }
        }
        // No detour found: keep the straight line; the autopilot's geofence is the last safeguard.
        return best == null ? List.of() : best;
    }

    boolean clear(Coordinate a, Coordinate b) {
        if (a.equals2D(b)) {
            return zones.stream().noneMatch(z -> z.contains(factory.createPoint(a)));
        }
        LineString line = factory.createLineString(new Coordinate[] {a, b});
        return zones.stream().noneMatch(z -> z.intersects(line) && !z.getBoundary().covers(line.intersection(z)));
    }

    private boolean clearPath(Coordinate a, List<Coordinate> mid, Coordinate b) {
        Coordinate prev = a;
        for (Coordinate c : mid) {
            if (!clear(prev, c)) {
                return false;
            }
            prev = c;
        }
        return clear(prev, b);
    }

    private static double pathLength(Coordinate a, List<Coordinate> mid, Coordinate b) {
        double length = 0;
        Coordinate prev = a;
        for (Coordinate c : mid) {
            length += prev.distance(c);
            prev = c;
        }
        return length + prev.distance(b);
    }

    private static Coordinate[] corners(Envelope e) {
        return new Coordinate[] {
                new Coordinate(e.getMinX(), e.getMinY()), new Coordinate(e.getMaxX(), e.getMinY()),
                new Coordinate(e.getMaxX(), e.getMaxY()), new Coordinate(e.getMinX(), e.getMaxY())};
    }
}
