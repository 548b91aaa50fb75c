package org.winterwatch.geo.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.winterwatch.geo.coverage.BandSlicer.Pass;

/**
 * Boustrophedon coverage of one polygon (metres), holes left unseen, flown as short as this planner
 * can make it.
 *
 * <p>For every candidate direction the polygon is cut into bands one swath apart. Two plans are
 * weighed per direction: one pass per band across everything the band holds (flying over holes and
 * bays), and a boustrophedon cell decomposition, where a band that meets separate pieces of the
 * polygon splits the sweep into cells that are swept one after the other. The best decomposition is
 * then tried again with each cell swept in its own best direction. The shortest of all wins.
 */
final class AreaSweep {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final double GRID_STEP_DEG = 5;
    private static final double FINE_STEP_DEG = 1;
    private static final int MAX_EDGE_ANGLES = 24;

    /** One cell: passes in band order, flown at {@code angle}. */
    record Cell(double angle, List<Pass> passes) { }

    /** A finished plan: the path, its length and the cells it flies. */
    record Plan(List<Coordinate> path, double lengthM, List<Cell> cells) { }

    /** Bisection steps for the trim: to within 1/64 of a swath. */
    private static final int TRIM_STEPS = 6;

    private AreaSweep() {
    }

    static List<Coordinate> sweep(Polygon polygon, double swathM) {
        return best(polygon, swathM).path();
    }

    /**
     * The best sweep with its pass ends pulled in, all by the same distance, as far as still leaves at
     * least {@code minCoveredFraction} of the polygon seen (path buffered by half a swath, as the contract
     * measures). Passes reach far enough for every corner to be seen; but the turns between passes see
     * part of what the ends were stretched for, and on a small shape that stretch is a large share of the
     * flight.
     */
    static List<Coordinate> sweep(Polygon polygon, double swathM, double minCoveredFraction) {
        Plan best = best(polygon, swathM);
        return minCoveredFraction >= 1 ? best.path() : trimmed(polygon, swathM, best, minCoveredFraction).path();
    }

    static Plan trimmed(Polygon polygon, double swathM, Plan plan, double minCoveredFraction) {
        Plan kept = plan;
        double lo = 0;
        double hi = swathM;
        for (int step = 0; step < TRIM_STEPS; step++) {
            double trimM = (lo + hi) / 2;
            Plan candidate = chain(plan.cells().stream().map(c -> trimmed(c, trimM)).toList());
            if (coveredFraction(polygon, candidate.path(), swathM) >= minCoveredFraction) {
                lo = trimM;
                kept = candidate.lengthM() < kept.lengthM() ? candidate : kept;
            } else {
                hi = trimM;
            }
        }
        return kept;
    }

    private static Cell trimmed(Cell cell, double trimM) {
        List<Pass> passes = new ArrayList<>();
        for (Pass p : cell.passes()) {
            double start = p.start() + trimM;
            double end = p.end() - trimM;
            if (start > end) {
                start = (p.start() + p.end()) / 2;
                end = start;
            }
            passes.add(new Pass(p.band(), p.y(), start, end, p.lo(), p.hi()));
        }
        return new Cell(cell.angle(), passes);
    }

    /** Share of {@code polygon} within half a swath of {@code path}. */
    static double coveredFraction(Polygon polygon, List<Coordinate> path, double swathM) {
        Geometry line = path.size() == 1 ? FACTORY.createPoint(path.get(0))
                : FACTORY.createLineString(path.toArray(Coordinate[]::new));
        // four segments a quadrant: the buffer lies inside the true one, so the share is never overstated
        Geometry seen = line.buffer(swathM / 2, 4);
        double area = polygon.getArea();
        return area <= 0 ? 1 : OverlayNGRobust.overlay(polygon, seen, OverlayNG.INTERSECTION).getArea() / area;
    }

    static Plan best(Polygon polygon, double swathM) {
        Plan best = null;
        double bestCellsLength = Double.MAX_VALUE;
        List<Cell> bestCells = null;
        TreeSet<Double> tried = new TreeSet<>();
        for (double angle : candidateAngles(polygon)) {
            tried.add(angle);
            BandSlicer slicer = BandSlicer.of(polygon, angle);
            Plan whole = chain(List.of(new Cell(angle, merged(slicer.bands(swathM, Double.MAX_VALUE)))));
            best = shorter(best, whole);
            List<Cell> cells = decompose(angle, slicer.bands(swathM, swathM));
            if (cells.size() > 1) {
                Plan split = chain(cells);
                best = shorter(best, split);
                if (split.lengthM() < bestCellsLength) {
                    bestCellsLength = split.lengthM();
                    bestCells = cells;
                }
            }
        }
        best = refined(polygon, swathM, best, tried);
        if (bestCells != null) {
            best = shorter(best, ownDirections(polygon, swathM, bestCells));
        }
        return best;
    }

    /** Directions near the best one on a finer grid: the 5-degree grid can miss the best by a little. */
    private static Plan refined(Polygon polygon, double swathM, Plan best, TreeSet<Double> tried) {
        double bestAngle = angleOf(best.path());
        if (Double.isNaN(bestAngle)) {
            return best;
        }
        for (double d = -GRID_STEP_DEG + FINE_STEP_DEG; d < GRID_STEP_DEG; d += FINE_STEP_DEG) {
            double angle = normalised(bestAngle + Math.toRadians(d));
            if (tried.contains(angle)) {
                continue;
            }
            BandSlicer slicer = BandSlicer.of(polygon, angle);
            best = shorter(best, chain(List.of(new Cell(angle, merged(slicer.bands(swathM, Double.MAX_VALUE))))));
        }
        return best;
    }

    /** The direction of the longest leg of a path: the pass direction it was planned with. */
    private static double angleOf(List<Coordinate> path) {
        double longest = 0;
        double angle = Double.NaN;
        for (int i = 0; i + 1 < path.size(); i++) {
            double d = path.get(i).distance(path.get(i + 1));
            if (d > longest) {
                longest = d;
                angle = normalised(Math.atan2(path.get(i + 1).y - path.get(i).y, path.get(i + 1).x - path.get(i).x));
            }
        }
        return angle;
    }

    /** Each cell of a decomposition swept on its own, in the direction best for it. */
    private static Plan ownDirections(Polygon polygon, double swathM, List<Cell> cells) {
        List<Geometry> regions = new ArrayList<>();
        for (Cell cell : cells) {
            regions.addAll(regionsOf(polygon, cell, swathM));
        }
        // whatever the cells' boxes missed (slivers at band borders) is swept as a region of its own
        Geometry residual = OverlayNGRobust.overlay(polygon, UnaryUnionOp.union(regions), OverlayNG.DIFFERENCE);
        regions.addAll(polygonsOf(residual));
        List<Cell> own = new ArrayList<>();
        for (Geometry region : regions) {
            Plan regionBest = null;
            Cell regionCell = null;
            for (double angle : candidateAngles(region)) {
                Cell c = new Cell(angle, merged(BandSlicer.of((Polygon) region, angle).bands(swathM, Double.MAX_VALUE)));
                Plan p = chain(List.of(c));
                if (regionBest == null || p.lengthM() < regionBest.lengthM()) {
                    regionBest = p;
                    regionCell = c;
                }
            }
            own.add(regionCell);
        }
        return chain(own);
    }

    /** The part of the polygon a cell sees: the polygon within the cell's pieces of band. */
    private static List<Geometry> regionsOf(Polygon polygon, Cell cell, double swathM) {
        AffineTransformation toFrame = AffineTransformation.rotationInstance(-cell.angle());
        Geometry turned = toFrame.transform(polygon);
        List<Geometry> boxes = new ArrayList<>();
        for (Pass p : cell.passes()) {
            boxes.add(FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(
                    p.lo() - 1e-3, p.hi() + 1e-3, p.y() - swathM / 2, p.y() + swathM / 2)));
        }
        Geometry region = OverlayNGRobust.overlay(turned, UnaryUnionOp.union(boxes), OverlayNG.INTERSECTION);
        return polygonsOf(AffineTransformation.rotationInstance(cell.angle()).transform(region));
    }

    private static List<Geometry> polygonsOf(Geometry g) {
        List<Geometry> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p && p.getArea() > 1e-3) {
                parts.add(p);
            } else if (part.getNumGeometries() > 1) {
                parts.addAll(polygonsOf(part));
            }
        }
        return parts;
    }

    private static Plan shorter(Plan a, Plan b) {
        return a == null || b.lengthM() < a.lengthM() - 1e-6 ? b : a;
    }

    /** Pass directions worth trying, in radians in [0, pi): a 5-degree grid and the hull's longest edges. */
    static List<Double> candidateAngles(Geometry polygon) {
        TreeSet<Double> angles = new TreeSet<>();
        for (double deg = 0; deg < 180; deg += GRID_STEP_DEG) {
            angles.add(normalised(Math.toRadians(deg)));
        }
        Coordinate[] hull = polygon.convexHull().getCoordinates();
        List<double[]> edges = new ArrayList<>();
        for (int i = 0; i + 1 < hull.length; i++) {
            double length = hull[i].distance(hull[i + 1]);
            if (length > 1e-6) {
                edges.add(new double[] {length, Math.atan2(hull[i + 1].y - hull[i].y, hull[i + 1].x - hull[i].x)});
            }
        }
        edges.sort((a, b) -> Double.compare(b[0], a[0]));
        for (int i = 0; i < Math.min(MAX_EDGE_ANGLES, edges.size()); i++) {
            angles.add(normalised(edges.get(i)[1]));
        }
        return List.copyOf(angles);
    }

    static double normalised(double angle) {
        double a = angle % Math.PI;
        if (a < 0) {
            a += Math.PI;
        }
        return Math.round(a * 1e9) / 1e9;
    }

    /** One pass per band spanning all of the band's pieces. */
    static List<Pass> merged(List<List<Pass>> bands) {
        List<Pass> out = new ArrayList<>();
        for (List<Pass> band : bands) {
            if (band.isEmpty()) {
                continue;
            }
            double start = Double.MAX_VALUE;
            double end = -Double.MAX_VALUE;
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (Pass p : band) {
                start = Math.min(start, p.start());
                end = Math.max(end, p.end());
                lo = Math.min(lo, p.lo());
                hi = Math.max(hi, p.hi());
            }
            out.add(new Pass(band.get(0).band(), band.get(0).y(), start, end, lo, hi));
        }
        return out;
    }

    /**
     * Boustrophedon cell decomposition over the bands: a piece continues the cell of the piece below it
     * when each is the other's only neighbour; splits and merges start new cells.
     */
    static List<Cell> decompose(double angle, List<List<Pass>> bands) {
        List<List<Pass>> cells = new ArrayList<>();
        List<Pass> previous = List.of();
        List<Integer> previousCell = List.of();
        for (List<Pass> band : bands) {
            List<Integer> cellOf = new ArrayList<>();
            for (Pass piece : band) {
                int below = -1;
                int neighbours = 0;
                for (int j = 0; j < previous.size(); j++) {
                    if (overlaps(previous.get(j), piece)) {
                        below = j;
                        neighbours++;
                    }
                }
                Pass under = below < 0 ? null : previous.get(below);
                boolean continues = neighbours == 1 && band.stream().filter(q -> overlaps(under, q)).count() == 1;
                if (continues) {
                    int cell = previousCell.get(below);
                    cells.get(cell).add(piece);
                    cellOf.add(cell);
                } else {
                    cells.add(new ArrayList<>(List.of(piece)));
                    cellOf.add(cells.size() - 1);
                }
            }
            previous = band;
            previousCell = cellOf;
        }
        return cells.stream().map(ps -> new Cell(angle, List.copyOf(ps))).toList();
    }

    private static boolean overlaps(Pass a, Pass b) {
        return a.lo() <= b.hi() && b.lo() <= a.hi();
    }

    /** The four ways to fly a cell: from its first or last band, starting at the left or the right. */
    private static List<Coordinate> flown(Cell cell, boolean fromFirstBand, boolean startLeft) {
        List<Pass> passes = new ArrayList<>(cell.passes());
        if (!fromFirstBand) {
            java.util.Collections.reverse(passes);
        }
        double cos = Math.cos(cell.angle());
        double sin = Math.sin(cell.angle());
        List<Coordinate> path = new ArrayList<>();
        boolean left = startLeft;
        for (Pass p : passes) {
            double a = left ? p.start() : p.end();
            double b = left ? p.end() : p.start();
            path.add(new Coordinate(a * cos - p.y() * sin, a * sin + p.y() * cos));
            if (p.length() > 1e-6) {
                path.add(new Coordinate(b * cos - p.y() * sin, b * sin + p.y() * cos));
            }
            left = !left;
        }
        return path;
    }

    /**
     * The cells flown one after another: every cell and way of flying it is tried as the first, then
     * the nearest next cell each time; the shortest whole is kept.
     */
    static Plan chain(List<Cell> cells) {
        List<List<List<Coordinate>>> ways = new ArrayList<>();
        for (Cell cell : cells) {
            List<List<Coordinate>> four = new ArrayList<>();
            for (boolean first : new boolean[] {true, false}) {
                for (boolean left : new boolean[] {true, false}) {
                    four.add(flown(cell, first, left));
                }
            }
            ways.add(four);
        }
        double[][] inner = new double[cells.size()][4];
        for (int c = 0; c < cells.size(); c++) {
            for (int w = 0; w < 4; w++) {
                inner[c][w] = lengthOf(ways.get(c).get(w));
            }
        }
        int firsts = cells.size() <= 8 ? cells.size() : 1;
        List<Coordinate> bestPath = null;
        double bestLength = Double.MAX_VALUE;
        for (int c0 = 0; c0 < firsts; c0++) {
            for (int w0 = 0; w0 < 4; w0++) {
                boolean[] done = new boolean[cells.size()];
                done[c0] = true;
                List<Coordinate> path = new ArrayList<>(ways.get(c0).get(w0));
                double length = inner[c0][w0];
                for (int k = 1; k < cells.size(); k++) {
                    Coordinate end = path.get(path.size() - 1);
                    int bc = -1;
                    int bw = -1;
                    double bd = Double.MAX_VALUE;
                    for (int c = 0; c < cells.size(); c++) {
                        if (done[c]) {
                            continue;
                        }
                        for (int w = 0; w < 4; w++) {
                            double d = end.distance(ways.get(c).get(w).get(0)) + inner[c][w];
                            if (d < bd) {
                                bd = d;
                                bc = c;
                                bw = w;
                            }
                        }
                    }
                    done[bc] = true;
                    path.addAll(ways.get(bc).get(bw));
                    length += bd;
                }
                if (length < bestLength - 1e-9) {
                    bestLength = length;
                    bestPath = path;
                }
            }
        }
        return new Plan(List.copyOf(bestPath), bestLength, List.copyOf(cells));
    }

    static double lengthOf(List<Coordinate> path) {
        double sum = 0;
        for (int i = 0; i + 1 < path.size(); i++) {
            sum += path.get(i).distance(path.get(i + 1));
        }
        return sum;
    }
}
