package org.winterwatch.missions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/** Orders one drone's sites nearest-first from home, flying each path from its nearer end. */
final class VisitOrder {

    /** A site's path oriented the way it will be flown. */
    record Visit(Job job, List<Coordinate> pathM) { }

    private VisitOrder() {
    }

    static List<Visit> nearestFirst(List<Job> jobs, Coordinate home) {
        List<Job> left = new ArrayList<>(jobs);
        List<Visit> out = new ArrayList<>();
        Coordinate at = home;
        while (!left.isEmpty()) {
            Job nearest = null;
            boolean reversed = false;
            double best = Double.MAX_VALUE;
            for (Job job : left) {
                List<Coordinate> path = job.pathM();
                double toStart = at.distance(path.get(0));
                double toEnd = at.distance(path.get(path.size() - 1));
                if (Math.min(toStart, toEnd) < best - 1e-9) {
                    best = Math.min(toStart, toEnd);
                    nearest = job;
                    reversed = toEnd < toStart;
                }
            }
            left.remove(nearest);
            List<Coordinate> path = new ArrayList<>(nearest.pathM());
            if (reversed) {
                Collections.reverse(path);
            }
            out.add(new Visit(nearest, List.copyOf(path)));
            at = path.get(path.size() - 1);
        }
        return out;
    }
}
