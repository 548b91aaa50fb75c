package org.winterwatch.benchmarks.planning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.CoverageParameters;
import org.winterwatch.geo.coverage.CoveragePlanner;
import org.winterwatch.geo.coverage.PlainBoustrophedon;
import org.winterwatch.geo.coverage.SiteCoverage;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;

/**
 * Per area shape class: the planner's camera-on length against the area / swath lower bound, against a
 * plain best-of-180-directions clipped boustrophedon as it is (which leaves corners and, choosing its
 * direction by length alone, often whole strips unseen), and against the plain pattern at equal coverage:
 * in the best of 36 directions, its passes lengthened (all by the same distance) until it sees as much of
 * the shape as the planner does (capped at 99.9 %); plus the coverage of each. Run:
 * {@code benchmarks/run org.winterwatch.benchmarks.planning.CameraOnLengths [SHAPES_PER_CLASS (200)]}.
 */
public final class CameraOnLengths {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final double MAX_MATCHED_COVERAGE = 0.999;

    private CameraOnLengths() {
    }

    public static void main(String[] args) {
        int perClass = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        LocalProjection proj = LocalProjection.centredOn(new LatLon(40.09, 113.30));
        CoveragePlanner planner = new CoveragePlanner(CoverageParameters.defaults());
        double swath = planner.parameters().swathWidthM();
        System.out.printf(Locale.ROOT, "%-13s %5s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n", "shape", "sites", "vs bound",
                "vs plain", "worst", "vs ext.", "worst", "our cov", "min cov", "plain cov", "ext. cov");
        Random r = new Random(7);
        for (MixedSiteLayer.Shape shape : List.of(MixedSiteLayer.Shape.RECTANGLE, MixedSiteLayer.Shape.L_SHAPE,
                MixedSiteLayer.Shape.COURTYARD, MixedSiteLayer.Shape.U_SHAPE, MixedSiteLayer.Shape.MULTIPOLYGON)) {
            double[] s = new double[9];
            s[7] = 1;
            String worstCase = "";
            for (int i = 0; i < perClass; i++) {
                Geometry metres = AffineTransformation.rotationInstance(r.nextDouble() * Math.PI)
                        .transform(MixedSiteLayer.shape(shape, r));
                Site site = Site.of("s", "s", SiteCategory.OTHER, proj.toWgs84(metres));
                SiteCoverage c = planner.plan(site, proj, List.of());
                List<Coordinate> plainPath = PlainBoustrophedon.path(metres, swath);
                double plain = length(plainPath);
                double matched = Math.min(c.coveredFraction(), MAX_MATCHED_COVERAGE);
                List<Coordinate> extended = bestExtended(metres, swath, matched);
                double vsPlain = c.lengthM() / plain;
                double vsExtended = c.lengthM() / length(extended);
                s[0] += c.lengthM() / (metres.getArea() / swath);
                s[1] += vsPlain;
                s[2] = Math.max(s[2], vsPlain);
                s[3] += vsExtended;
                if (vsExtended > s[4]) {
                    s[4] = vsExtended;
                    worstCase = String.format(Locale.ROOT, "%s #%d: area %.0f m2, ours %.0f m, plain %.0f m, extended %.0f m",
                            shape, i, metres.getArea(), c.lengthM(), plain, length(extended));
                }
                s[5] += c.coveredFraction();
                s[7] = Math.min(s[7], c.coveredFraction());
                s[6] += covered(plainPath, metres, swath);
                s[8] += covered(extended, metres, swath);
            }
            System.out.printf(Locale.ROOT, "%-13s %5d %9.3f %9.3f %9.3f %9.3f %9.3f %8.2f%% %8.2f%% %8.2f%% %8.2f%%%n",
                    shape, perClass, s[0] / perClass, s[1] / perClass, s[2], s[3] / perClass, s[4],
                    100 * s[5] / perClass, 100 * s[7], 100 * s[6] / perClass, 100 * s[8] / perClass);
            System.out.println("    worst vs extended: " + worstCase);
        }
    }

    /**
     * The plain pattern at equal coverage: per polygon, in each direction (5 degrees apart) the clipped
     * pattern lengthened until it sees {@code fraction} of the polygon, the shortest kept; parts flown
     * nearest next, as {@link PlainBoustrophedon#path} does.
     */
    static List<Coordinate> bestExtended(Geometry area, double swathM, double fraction) {
        List<List<Coordinate>> parts = new ArrayList<>();
        for (int i = 0; i < area.getNumGeometries(); i++) {
            if (area.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                parts.add(new ArrayList<>(bestExtended(p, swathM, fraction)));
            }
        }
        List<Coordinate> path = new ArrayList<>(parts.remove(0));
        while (!parts.isEmpty()) {
            Coordinate end = path.get(path.size() - 1);
            parts.sort(Comparator.comparingDouble(q -> Math.min(end.distance(q.get(0)), end.distance(q.get(q.size() - 1)))));
            List<Coordinate> next = parts.remove(0);
            if (end.distance(next.get(next.size() - 1)) < end.distance(next.get(0))) {
                Collections.reverse(next);
            }
            path.addAll(next);
        }
        return path;
    }

    private static List<Coordinate> bestExtended(Polygon polygon, double swathM, double fraction) {
        List<List<Coordinate>> raw = new ArrayList<>();
        for (int deg = 0; deg < 180; deg += 5) {
            List<Coordinate> path = PlainBoustrophedon.pathAt(polygon, swathM, Math.toRadians(deg));
            if (!path.isEmpty()) {
                raw.add(path);
            }
        }
        // lengthening never shortens: directions whose clipped pattern is already longer than the best are skipped
        raw.sort(Comparator.comparingDouble(CameraOnLengths::length));
        List<Coordinate> best = null;
        for (List<Coordinate> path : raw) {
            if (best != null && length(path) >= length(best)) {
                break;
            }
            List<Coordinate> extended = extendedTo(path, polygon, swathM, fraction);
            if (best == null || length(extended) < length(best)) {
                best = extended;
            }
        }
        return best;
    }

    /** The plain pattern with every pass lengthened at both ends by the least distance that sees {@code fraction}. */
    static List<Coordinate> extendedTo(List<Coordinate> plain, Geometry area, double swathM, double fraction) {
        if (covered(plain, area, swathM) >= fraction) {
            return plain;
        }
        double hi = swathM;
        while (covered(extended(plain, hi), area, swathM) < fraction && hi < 8 * swathM) {
            hi *= 2;
        }
        double lo = 0;
        for (int i = 0; i < 12; i++) {
            double mid = (lo + hi) / 2;
            if (covered(extended(plain, mid), area, swathM) >= fraction) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return extended(plain, hi);
    }

    /** The plain path is a pass per pair of points; each pass reaches {@code byM} further at both ends. */
    private static List<Coordinate> extended(List<Coordinate> plain, double byM) {
        List<Coordinate> out = new ArrayList<>();
        for (int i = 0; i + 1 < plain.size(); i += 2) {
            Coordinate a = plain.get(i);
            Coordinate b = plain.get(i + 1);
            double d = a.distance(b);
            double ux = d > 1e-9 ? (b.x - a.x) / d : 0;
            double uy = d > 1e-9 ? (b.y - a.y) / d : 0;
            out.add(new Coordinate(a.x - ux * byM, a.y - uy * byM));
            out.add(new Coordinate(b.x + ux * byM, b.y + uy * byM));
        }
        return out;
    }

    private static double covered(List<Coordinate> path, Geometry area, double swathM) {
        Geometry line = path.size() == 1 ? FACTORY.createPoint(path.get(0))
                : FACTORY.createLineString(path.toArray(Coordinate[]::new));
        Geometry seen = line.buffer(swathM / 2, 8);
        return OverlayNGRobust.overlay(area, seen, OverlayNG.INTERSECTION).getArea() / area.getArea();
    }

    private static double length(List<Coordinate> path) {
        double sum = 0;
        for (int i = 0; i + 1 < path.size(); i++) {
            sum += path.get(i).distance(path.get(i + 1));
        }
        return sum;
    }
}
