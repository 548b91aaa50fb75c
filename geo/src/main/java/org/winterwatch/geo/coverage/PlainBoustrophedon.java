package org.winterwatch.geo.coverage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The textbook survey pattern the planner is measured against: straight passes one swath apart,
 * each clipped to the area along its centre line, flown back and forth, in the best of 180 directions
 * (one degree apart). It flies over holes and bays and does not reach into corners, so it usually
 * sees less than the planner's sweep; its length is the yardstick for "camera-on length".
 */
public final class PlainBoustrophedon {

    private PlainBoustrophedon() {
    }

    /** The pattern over an area in metres ({@code Polygon} or {@code MultiPolygon}, parts flown nearest next). */
    public static List<Coordinate> path(Geometry areaMetres, double swathM) {
        if (areaMetres.getDimension() != 2) {
            throw new IllegalArgumentException("a boustrophedon covers areas, not " + areaMetres.getGeometryType());
        }
        List<List<Coordinate>> parts = new ArrayList<>();
        for (int i = 0; i < areaMetres.getNumGeometries(); i++) {
            if (areaMetres.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                parts.add(new ArrayList<>(best(p, swathM)));
            }
        }
        List<Coordinate> path = new ArrayList<>(parts.remove(0));
        while (!parts.isEmpty()) {
            Coordinate end = path.get(path.size() - 1);
            int nearest = 0;
            for (int i = 1; i < parts.size(); i++) {
                if (distance(end, parts.get(i)) < distance(end, parts.get(nearest))) {
                    nearest = i;
                }
            }
            List<Coordinate> next = parts.remove(nearest);
            if (end.distance(next.get(next.size() - 1)) < end.distance(next.get(0))) {
                Collections.reverse(next);
            }
            path.addAll(next);
        }
        return path;
    }

    /** Length of {@link #path}, metres. */
    public static double lengthM(Geometry areaMetres, double swathM) {
        return AreaSweep.lengthOf(path(areaMetres, swathM));
    }

    private static double distance(Coordinate c, List<Coordinate> part) {
        return Math.min(c.distance(part.get(0)), c.distance(part.get(part.size() - 1)));
    }

    private static List<Coordinate> best(Polygon polygon, double swathM) {
        List<Coordinate> best = null;
        double bestLength = Double.MAX_VALUE;
        for (int deg = 0; deg < 180; deg++) {
            List<Coordinate> path = at(polygon, swathM, Math.toRadians(deg));
            double length = AreaSweep.lengthOf(path);
            if (!path.isEmpty() && length < bestLength) {
                best = path;
                bestLength = length;
            }
        }
        return best;
    }

    /**
     * The pattern over one polygon (metres) with passes at {@code angleRad} (from the x axis): a pass per
     * pair of points, in flying order; empty when no pass line meets the polygon.
     */
    public static List<Coordinate> pathAt(Polygon polygon, double swathM, double angleRad) {
        return List.copyOf(at(polygon, swathM, angleRad));
    }

    private static List<Coordinate> at(Polygon polygon, double swathM, double angle) {
        BandSlicer slicer = BandSlicer.of(polygon, angle);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        List<Coordinate> path = new ArrayList<>();
        boolean leftToRight = true;
        for (double y : slicer.centreLines(swathM)) {
            List<double[]> intervals = slicer.scanline(y);
            if (intervals.isEmpty()) {
                continue;
            }
            double from = intervals.get(0)[0];
            double to = intervals.get(intervals.size() - 1)[1];
            double a = leftToRight ? from : to;
            double b = leftToRight ? to : from;
            path.add(new Coordinate(a * cos - y * sin, a * sin + y * cos));
            path.add(new Coordinate(b * cos - y * sin, b * sin + y * cos));
            leftToRight = !leftToRight;
        }
        return path;
    }
}
