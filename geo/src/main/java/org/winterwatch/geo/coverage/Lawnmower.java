package org.winterwatch.geo.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.locationtech.jts.algorithm.MinimumAreaRectangle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Boustrophedon sweep of one polygon (metres): parallel passes one swath apart, in the direction that
 * needs the fewest passes (then the shortest path).
 *
 * <p>Each pass spans the polygon's extent within its own swath band, not just along its centre line,
 * so slanted edges and corners fall inside the camera's footprint. Holes are flown over.
 */
final class Lawnmower {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final double CANDIDATE_STEP_DEG = 5;

    private Lawnmower() {
    }

    /** The sweep path of {@code polygon}, passes {@code swathM} apart. */
    static List<Coordinate> sweep(Polygon polygon, double swathM) {
        List<Coordinate> best = null;
        int bestPasses = Integer.MAX_VALUE;
        double bestLength = Double.MAX_VALUE;
        for (double angle : candidateAngles(polygon)) {
            Plan plan = planAt(polygon, swathM, angle);
            double length = lengthOf(plan.path());
            if (plan.passes() < bestPasses || (plan.passes() == bestPasses && length < bestLength - 1e-6)) {
                best = plan.path();
                bestPasses = plan.passes();
                bestLength = length;
            }
        }
        return best;
    }

    /** Pass directions worth trying, in radians: the minimum rectangle's sides and every 5 degrees. */
    static TreeSet<Double> candidateAngles(Geometry polygon) {
        TreeSet<Double> angles = new TreeSet<>();
        for (double deg = 0; deg < 180; deg += CANDIDATE_STEP_DEG) {
            angles.add(Math.toRadians(deg));
        }
        Geometry rectangle = MinimumAreaRectangle.getMinimumRectangle(polygon);
        Coordinate[] cs = rectangle.getCoordinates();
        for (int i = 0; i + 1 < cs.length; i++) {
            if (cs[i].distance(cs[i + 1]) > 1e-9) {
                double a = Math.atan2(cs[i + 1].y - cs[i].y, cs[i + 1].x - cs[i].x);
                angles.add(Math.round(((a % Math.PI) + Math.PI) % Math.PI * 1e9) / 1e9);
            }
        }
        return angles;
    }

    private record Plan(int passes, List<Coordinate> path) { }

    private static Plan planAt(Polygon polygon, double swathM, double angle) {
        AffineTransformation toPassFrame = AffineTransformation.rotationInstance(-angle);
        Geometry rotated = toPassFrame.transform(polygon);
        Envelope env = rotated.getEnvelopeInternal();
        int passes = Math.max(1, (int) Math.ceil(env.getHeight() / swathM - 1e-9));
        double centreY = (env.getMinY() + env.getMaxY()) / 2;
        List<Coordinate> path = new ArrayList<>();
        boolean leftToRight = true;
        for (int i = 0; i < passes; i++) {
            double y = centreY + (i - (passes - 1) / 2.0) * swathM;
            Envelope band = new Envelope(env.getMinX() - 1, env.getMaxX() + 1, y - swathM / 2, y + swathM / 2);
            Geometry inBand = rotated.intersection(FACTORY.toGeometry(band));
            if (inBand.isEmpty()) {
                continue;
            }
            Envelope extent = inBand.getEnvelopeInternal();
            Coordinate left = new Coordinate(extent.getMinX(), y);
            Coordinate right = new Coordinate(extent.getMaxX(), y);
            path.add(leftToRight ? left : right);
            path.add(leftToRight ? right : left);
            leftToRight = !leftToRight;
        }
        AffineTransformation back = AffineTransformation.rotationInstance(angle);
        List<Coordinate> inPlane = path.stream().map(c -> back.transform(c, new Coordinate())).toList();
        return new Plan(passes, inPlane);
    }

    static double lengthOf(List<Coordinate> path) {
        double sum = 0;
        for (int i = 0; i + 1 < path.size(); i++) {
            sum += path.get(i).distance(path.get(i + 1));
        }
        return sum;
    }
}
