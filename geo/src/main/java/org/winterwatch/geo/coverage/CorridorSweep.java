package org.winterwatch.geo.coverage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * Corridor sweep of one line (metres): {@code ceil(width / swath)} passes parallel to the line,
 * one swath apart, flown in alternating directions.
 *
 * <p>The line is first lengthened by half the corridor width at both ends, so the corridor's round
 * ends (a line buffered by half its width) are seen too.
 */
final class CorridorSweep {

    /** Longest mitre at a sharp bend, in multiples of the offset, before it is clipped. */
    private static final double MITRE_LIMIT = 3;

    private CorridorSweep() {
    }

    static List<Coordinate> sweep(LineString line, double corridorWidthM, double swathM) {
        List<Coordinate> centre = extended(distinct(line.getCoordinates()), corridorWidthM / 2);
        int passes = Math.max(1, (int) Math.ceil(corridorWidthM / swathM - 1e-9));
        List<Coordinate> path = new ArrayList<>();
        for (int i = 0; i < passes; i++) {
            double offset = (i - (passes - 1) / 2.0) * swathM;
            List<Coordinate> pass = offset(centre, offset);
            if (i % 2 == 1) {
                Collections.reverse(pass);
            }
            path.addAll(pass);
        }
        return path;
    }

    private static List<Coordinate> distinct(Coordinate[] cs) {
        List<Coordinate> out = new ArrayList<>();
        for (Coordinate c : cs) {
            if (out.isEmpty() || out.get(out.size() - 1).distance(c) > 1e-9) {
                out.add(new Coordinate(c.x, c.y));
            }
        }
        return out;
    }

    private static List<Coordinate> extended(List<Coordinate> cs, double by) {
        List<Coordinate> out = new ArrayList<>(cs);
        out.set(0, beyond(cs.get(1), cs.get(0), by));
        int last = cs.size() - 1;
        out.set(last, beyond(cs.get(last - 1), cs.get(last), by));
        return out;
    }

    /** The point {@code by} metres past {@code to}, continuing the direction from {@code from}. */
    private static Coordinate beyond(Coordinate from, Coordinate to, double by) {
        double d = from.distance(to);
        return new Coordinate(to.x + (to.x - from.x) / d * by, to.y + (to.y - from.y) / d * by);
    }

    /** The line shifted {@code offset} metres to its left (negative: right), mitred at bends. */
    private static List<Coordinate> offset(List<Coordinate> cs, double offset) {
        List<Coordinate> out = new ArrayList<>();
        for (int k = 0; k < cs.size(); k++) {
            double[] nIn = k > 0 ? leftNormal(cs.get(k - 1), cs.get(k)) : null;
            double[] nOut = k + 1 < cs.size() ? leftNormal(cs.get(k), cs.get(k + 1)) : null;
            double[] n = nIn == null ? nOut : nOut == null ? nIn : mitre(nIn, nOut);
            out.add(new Coordinate(cs.get(k).x + n[0] * offset, cs.get(k).y + n[1] * offset));
        }
        return out;
    }

    private static double[] leftNormal(Coordinate a, Coordinate b) {
        double d = a.distance(b);
        return new double[] {-(b.y - a.y) / d, (b.x - a.x) / d};
    }

    private static double[] mitre(double[] n1, double[] n2) {
        double x = n1[0] + n2[0];
        double y = n1[1] + n2[1];
        double len = Math.hypot(x, y);
        if (len < 1e-9) {
            return n1;
        }
        double cosHalf = (x * n1[0] + y * n1[1]) / len;
        double scale = Math.min(1 / Math.max(cosHalf, 1e-9), MITRE_LIMIT);
        return new double[] {x / len * scale, y / len * scale};
    }
}
