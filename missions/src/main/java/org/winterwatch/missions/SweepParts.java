package org.winterwatch.missions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import org.locationtech.jts.geom.Coordinate;

/**
 * Cuts a sweep too long for one battery into parts that each fit one sortie from a base: out to the part's start,
 * along it, home from its end, all within {@code budgetM} horizontal metres (the legs to and from the base measured
 * as the solver measures them, around no-fly zones). Each part ends at the furthest point of the path from which
 * the drone still gets home.
 */
final class SweepParts {

    /** Kept back from the budget, so that rounding never tips a part over it. */
    private static final double SLACK_M = 1;

    private SweepParts() {
    }

    /**
     * The parts of {@code path} in order, or an empty list when some part cannot get {@link
     * SortieBuilder#MIN_PROGRESS_M} along the path on a fresh battery (the sweep is out of reach from {@code base}).
     */
    static List<List<Coordinate>> cut(List<Coordinate> path, Coordinate base, double budgetM,
                                      ToDoubleBiFunction<Coordinate, Coordinate> legM) {
        Fit fit = (start, lengthM, end) -> legM.applyAsDouble(base, start) + lengthM + legM.applyAsDouble(end, base)
                <= budgetM - SLACK_M;
        List<List<Coordinate>> parts = new ArrayList<>();
        List<Coordinate> part = new ArrayList<>(List.of(path.get(0)));
        double lengthM = 0;
        int next = 1;
        while (next < path.size()) {
            Coordinate at = part.get(part.size() - 1);
            Coordinate to = path.get(next);
            if (fit.fits(part.get(0), lengthM + at.distance(to), to)) {
                part.add(to);
                lengthM += at.distance(to);
                next++;
                continue;
            }
            double t = furthest(part.get(0), lengthM, at, to, fit);
            Coordinate cutAt = new Coordinate(at.x + (to.x - at.x) * t, at.y + (to.y - at.y) * t);
            lengthM += at.distance(cutAt);
            if (lengthM < SortieBuilder.MIN_PROGRESS_M) {
                return List.of();
            }
            part.add(cutAt);
            parts.add(part);
            part = new ArrayList<>(List.of(cutAt));
            lengthM = 0;
        }
        if (!fit.fits(part.get(0), lengthM, part.get(part.size() - 1))) {
            return List.of();
        }
        parts.add(part);
        return parts;
    }

    /** Whether a part from {@code start}, {@code lengthM} long, ending at {@code end} fits one sortie. */
    @FunctionalInterface
    private interface Fit {
        boolean fits(Coordinate start, double lengthM, Coordinate end);
    }

    /** The largest share of the way from {@code at} to {@code to} that still fits (bisection). */
    private static double furthest(Coordinate start, double lengthM, Coordinate at, Coordinate to, Fit fit) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            Coordinate p = new Coordinate(at.x + (to.x - at.x) * mid, at.y + (to.y - at.y) * mid);
            if (fit.fits(start, lengthM + at.distance(p), p)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
