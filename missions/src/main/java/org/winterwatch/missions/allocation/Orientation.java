package org.winterwatch.missions.allocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Which way to fly each path of a sortie whose order is fixed: the choice (forwards or reversed, per task) that makes
 * the sortie shortest, found exactly by dynamic programming over the sequence (two states per task).
 *
 * <p>Never longer than flying every path forwards, which is what the solver timed; so a sortie the solver fitted to a
 * battery still fits.
 */
final class Orientation {

    private Orientation() {
    }

    static List<Visit> shortest(PointM base, List<Task> order, Travel travel) {
        int n = order.size();
        if (n == 0) {
            return List.of();
        }
        // best[i][s]: shortest metres from base through task i, which is flown reversed when s == 1
        double[][] best = new double[n][2];
        int[][] from = new int[n][2];
        for (int s = 0; s < 2; s++) {
            best[0][s] = travel.metres(base, start(order.get(0), s));
        }
        for (int i = 1; i < n; i++) {
            for (int s = 0; s < 2; s++) {
                PointM start = start(order.get(i), s);
                double viaForwards = best[i - 1][0] + travel.metres(end(order.get(i - 1), 0), start);
                double viaReversed = best[i - 1][1] + travel.metres(end(order.get(i - 1), 1), start);
                best[i][s] = Math.min(viaForwards, viaReversed);
                from[i][s] = viaReversed < viaForwards ? 1 : 0;
            }
        }
        double homeForwards = best[n - 1][0] + travel.metres(end(order.get(n - 1), 0), base);
        double homeReversed = best[n - 1][1] + travel.metres(end(order.get(n - 1), 1), base);
        int s = homeReversed < homeForwards ? 1 : 0;
        Visit[] visits = new Visit[n];
        for (int i = n - 1; i >= 0; i--) {
            visits[i] = new Visit(order.get(i), s == 1);
            s = from[i][s];
        }
        return new ArrayList<>(List.of(visits));
    }

    private static PointM start(Task task, int state) {
        return state == 1 ? task.exitM() : task.entryM();
    }

    private static PointM end(Task task, int state) {
        return state == 1 ? task.entryM() : task.exitM();
    }
}
