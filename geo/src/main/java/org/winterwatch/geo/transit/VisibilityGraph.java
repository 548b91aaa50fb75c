package org.winterwatch.geo.transit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Shortest paths around obstacles: the classic visibility graph over the obstacles' convex corners,
 * searched with A*. Corners' neighbours are found on first use and kept, so a graph serves many
 * routes. Thread-safe.
 */
final class VisibilityGraph {

    private final Coordinate[] corners;
    private final BiPredicate<Coordinate, Coordinate> clear;
    private final Map<Integer, int[]> neighbours = new ConcurrentHashMap<>();

    /** {@code obstacles}' outlines give the corners; {@code clear} says whether a straight leg is flyable. */
    VisibilityGraph(Geometry obstacles, BiPredicate<Coordinate, Coordinate> clear) {
        this.clear = clear;
        List<Coordinate> out = new ArrayList<>();
        for (int i = 0; i < obstacles.getNumGeometries(); i++) {
            if (obstacles.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                addConvexCorners(p.getExteriorRing().getCoordinates(), out);
            }
        }
        this.corners = out.toArray(Coordinate[]::new);
    }

    int size() {
        return corners.length;
    }

    private static void addConvexCorners(Coordinate[] ring, List<Coordinate> out) {
        int n = ring.length - 1;
        if (n < 3) {
            return;
        }
        boolean ccw = Orientation.isCCW(ring);
        for (int i = 0; i < n; i++) {
            Coordinate prev = ring[(i - 1 + n) % n];
            Coordinate here = ring[i];
            Coordinate next = ring[(i + 1) % n];
            int turn = Orientation.index(prev, here, next);
            if (turn == (ccw ? Orientation.COUNTERCLOCKWISE : Orientation.CLOCKWISE)) {
                out.add(new Coordinate(here.x, here.y));
            }
        }
    }

    /** The shortest flyable polyline from {@code from} to {@code to} through corners, or null when there is none. */
    List<Coordinate> shortestPath(Coordinate from, Coordinate to) {
        int n = corners.length;
        int source = n;
        double[] g = new double[n + 1];
        int[] parent = new int[n + 1];
        boolean[] closed = new boolean[n + 1];
        Arrays.fill(g, Double.MAX_VALUE);
        Arrays.fill(parent, -1);
        g[source] = 0;
        PriorityQueue<double[]> open = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        open.add(new double[] {from.distance(to), source});
        double bestToTarget = Double.MAX_VALUE;
        int lastBeforeTarget = -2;
        while (!open.isEmpty()) {
            double[] top = open.poll();
            int u = (int) top[1];
            if (closed[u]) {
                continue;
            }
            if (top[0] >= bestToTarget) {
                break;
            }
            closed[u] = true;
            Coordinate at = u == source ? from : corners[u];
            if (clear.test(at, to)) {
                double total = g[u] + at.distance(to);
                if (total < bestToTarget) {
                    bestToTarget = total;
                    lastBeforeTarget = u;
                }
            }
            int[] next = u == source ? visibleFrom(from, -1) : neighboursOf(u);
            for (int v : next) {
                double candidate = g[u] + at.distance(corners[v]);
                if (!closed[v] && candidate < g[v] - 1e-9) {
                    g[v] = candidate;
                    parent[v] = u;
                    open.add(new double[] {candidate + corners[v].distance(to), v});
                }
            }
        }
        if (lastBeforeTarget == -2) {
            return null;
        }
        List<Coordinate> path = new ArrayList<>();
        path.add(to);
        for (int v = lastBeforeTarget; v != source; v = parent[v]) {
            path.add(corners[v]);
        }
        path.add(from);
        java.util.Collections.reverse(path);
        return path;
    }

    private int[] neighboursOf(int corner) {
        return neighbours.computeIfAbsent(corner, c -> visibleFrom(corners[c], c));
    }

    private int[] visibleFrom(Coordinate p, int self) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < corners.length; i++) {
            if (i != self && clear.test(p, corners[i])) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
