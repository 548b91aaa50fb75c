package org.winterwatch.geo.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Cuts one polygon, seen in a frame turned so that passes run along x, into bands one swath high,
 * and finds in each band the pieces of the polygon and the shortest pass that sees each piece.
 *
 * <p>Works on scanlines rather than polygon overlay: the polygon between two consecutive vertex heights
 * is a stack of trapezoids, so its extent in a band is reached on the band's borders or next to a
 * vertex, and those are the only scanlines needed. This keeps planning a site to well under a
 * millisecond per direction.
 */
final class BandSlicer {

    /** A piece of the polygon within one band, and the pass (along y) that sees it. */
    record Pass(int band, double y, double start, double end, double lo, double hi) {

        double length() {
            return end - start;
        }
    }

    private static final double EPSILON = 1e-7;
    /** Pass ends rely on the round end of the footprint only up to this share of half a swath. */
    private static final double CAP_SHARE = 0.98;

    private final double[][] xs;
    private final double[][] ys;
    /** Every edge as x1, y1, x2, y2, by lowest y: a band scans only the edges that reach into it. */
    private final double[] edges;
    private final double[] edgeMinYs;
    private final double minY;
    private final double maxY;
    private final double[] vertexYs;

    private BandSlicer(double[][] xs, double[][] ys) {
        this.xs = xs;
        this.ys = ys;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        int count = 0;
        for (double[] ring : ys) {
            count += ring.length;
        }
        double[] all = new double[count];
        int k = 0;
        for (double[] ring : ys) {
            for (double y : ring) {
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
                all[k++] = y;
            }
        }
        Arrays.sort(all);
        this.vertexYs = all;
        List<double[]> byMinY = new ArrayList<>();
        for (int r = 0; r < xs.length; r++) {
            for (int i = 0; i + 1 < xs[r].length; i++) {
                byMinY.add(new double[] {xs[r][i], ys[r][i], xs[r][i + 1], ys[r][i + 1]});
            }
        }
        byMinY.sort((a, b) -> Double.compare(Math.min(a[1], a[3]), Math.min(b[1], b[3])));
        this.edges = new double[4 * byMinY.size()];
        this.edgeMinYs = new double[byMinY.size()];
        for (int e = 0; e < byMinY.size(); e++) {
            System.arraycopy(byMinY.get(e), 0, edges, 4 * e, 4);
            edgeMinYs[e] = Math.min(byMinY.get(e)[1], byMinY.get(e)[3]);
        }
        this.minY = lo;
        this.maxY = hi;
    }

    /** The polygon turned by {@code -angle}, so that passes at {@code angle} run along x. */
    static BandSlicer of(Polygon polygon, double angle) {
        int rings = 1 + polygon.getNumInteriorRing();
        double[][] xs = new double[rings][];
        double[][] ys = new double[rings][];
        double cos = Math.cos(-angle);
        double sin = Math.sin(-angle);
        for (int r = 0; r < rings; r++) {
            LineString ring = r == 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1);
            Coordinate[] cs = ring.getCoordinates();
            xs[r] = new double[cs.length];
            ys[r] = new double[cs.length];
            for (int i = 0; i < cs.length; i++) {
                xs[r][i] = cs[i].x * cos - cs[i].y * sin;
                ys[r][i] = cs[i].x * sin + cs[i].y * cos;
            }
        }
        return new BandSlicer(xs, ys);
    }

    /** The polygon's intervals on the scanline at height {@code y}, each as {from, to}, in x order. */
    List<double[]> scanline(double y) {
        List<double[]> out = new ArrayList<>();
        scan(y, y, 0, out, edgesWithin(y, y));
        return out.stream().map(iv -> new double[] {iv[0], iv[1]}).toList();
    }

    /** Heights of the centre lines of {@code swathM}-high bands centred on the polygon. */
    double[] centreLines(double swathM) {
        int count = Math.max(1, (int) Math.ceil(height() / swathM - 1e-9));
        double centre = (minY + maxY) / 2;
        double[] out = new double[count];
        for (int b = 0; b < count; b++) {
            out[b] = centre + (b - (count - 1) / 2.0) * swathM;
        }
        return out;
    }

    /** Height of the polygon across the passes. */
    double height() {
        return maxY - minY;
    }

    /**
     * The pieces of every band, pieces closer than {@code mergeGapM} along a band taken as one. The
     * polygon is cut into the fewest bands at most {@code swathM} high, all of the same height; a pass
     * sees {@code swathM / 2} to either side.
     */
    List<List<Pass>> bands(double swathM, double mergeGapM) {
        int count = Math.max(1, (int) Math.ceil(height() / swathM - 1e-9));
        // as few passes as a swath allows, spread evenly: each band is then at most a swath high
        double bandM = Math.max(height() / count, 1e-6);
        List<List<Pass>> out = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            double y = minY + (b + 0.5) * bandM;
            out.add(band(b, y, bandM / 2, swathM / 2, mergeGapM));
        }
        return out;
    }

    private List<Pass> band(int index, double y, double half, double seenM, double mergeGapM) {
        double lo = Math.max(y - half, minY) + EPSILON;
        double hi = Math.min(y + half, maxY) - EPSILON;
        List<double[]> intervals = new ArrayList<>();
        // scanning only the band's own edges keeps a detailed outline (thousands of vertices) from costing
        // vertices x edges per band
        double[] near = edgesWithin(Math.min(lo, hi), Math.max(lo, hi));
        if (hi <= lo) {
            scan((lo + hi) / 2, y, seenM, intervals, near);
        } else {
            scan(lo, y, seenM, intervals, near);
            scan(hi, y, seenM, intervals, near);
            int from = lowerBound(vertexYs, lo);
            for (int i = from; i < vertexYs.length && vertexYs[i] < hi; i++) {
                if (i > from && vertexYs[i] == vertexYs[i - 1]) {
                    continue;
                }
                scan(Math.max(lo, vertexYs[i] - EPSILON), y, seenM, intervals, near);
                scan(Math.min(hi, vertexYs[i] + EPSILON), y, seenM, intervals, near);
            }
        }
        intervals.sort((a, b) -> Double.compare(a[0], b[0]));
        List<Pass> passes = new ArrayList<>();
        double[] piece = null;
        for (double[] iv : intervals) {
            if (piece != null && iv[0] <= piece[3] + mergeGapM) {
                piece[1] = Math.min(piece[1], iv[2]);
                piece[2] = Math.max(piece[2], iv[3]);
                piece[3] = Math.max(piece[3], iv[1]);
            } else {
                if (piece != null) {
                    passes.add(pass(index, y, piece));
                }
                // lo, start, end, hi
                piece = new double[] {iv[0], iv[2], iv[3], iv[1]};
            }
        }
        if (piece != null) {
            passes.add(pass(index, y, piece));
        }
        return passes;
    }

    private static Pass pass(int band, double y, double[] piece) {
        double start = piece[1];
        double end = piece[2];
        if (start > end) {
            double mid = (start + end) / 2;
            start = mid;
            end = mid;
        }
        return new Pass(band, y, start, end, piece[0], piece[3]);
    }

    /**
     * Adds the polygon's intervals on the scanline at height {@code at}, each as {lo, hi, start, end}:
     * start and end are how far a pass at {@code y} must reach to see the interval's ends.
     */
    private void scan(double at, double y, double half, List<double[]> out, double[] near) {
        double[] crossings = new double[8];
        int n = 0;
        for (int e = 0; e + 3 < near.length; e += 4) {
            double y1 = near[e + 1];
            double y2 = near[e + 3];
            if ((y1 <= at && at < y2) || (y2 <= at && at < y1)) {
                if (n == crossings.length) {
                    crossings = Arrays.copyOf(crossings, n * 2);
                }
                crossings[n++] = near[e] + (at - y1) * (near[e + 2] - near[e]) / (y2 - y1);
            }
        }
        Arrays.sort(crossings, 0, n);
        double v = at - y;
        double cap = CAP_SHARE * half;
        double reach = cap > Math.abs(v) ? Math.sqrt(cap * cap - v * v) : 0;
        for (int i = 0; i + 1 < n; i += 2) {
            out.add(new double[] {crossings[i], crossings[i + 1], crossings[i] + reach, crossings[i + 1] - reach});
        }
    }

    /** The edges, packed as x1, y1, x2, y2, that have a point with {@code lo <= y <= hi}. */
    private double[] edgesWithin(double lo, double hi) {
        int end = upperBound(edgeMinYs, hi);
        double[] out = new double[4 * end];
        int n = 0;
        for (int e = 0; e < end; e++) {
            if (Math.max(edges[4 * e + 1], edges[4 * e + 3]) >= lo) {
                System.arraycopy(edges, 4 * e, out, n, 4);
                n += 4;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
