package org.winterwatch.missions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares sites among drones as contiguous sectors around home, balancing estimated work.
 *
 * <p>Sites are ordered by bearing from home, starting after the widest empty bearing gap so that no
 * sector straddles it; the order is then cut into groups minimising the largest group's work.
 */
final class SectorSplit {

    private SectorSplit() {
    }

    static List<List<Job>> split(List<Job> jobs, int drones) {
        List<Job> ordered = aroundHome(jobs);
        int groups = Math.min(drones, ordered.size());
        List<List<Job>> out = new ArrayList<>();
        if (groups == 0) {
            return out;
        }
        int n = ordered.size();
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + ordered.get(i).workS();
        }
        // best[g][i]: smallest possible maximum over g groups of the first i jobs; cut[g][i]: where the last group starts
        double[][] best = new double[groups + 1][n + 1];
        int[][] cut = new int[groups + 1][n + 1];
        for (double[] row : best) {
            java.util.Arrays.fill(row, Double.MAX_VALUE);
        }
        best[0][0] = 0;
        for (int g = 1; g <= groups; g++) {
            for (int i = g; i <= n; i++) {
                for (int j = g - 1; j < i; j++) {
                    double candidate = Math.max(best[g - 1][j], prefix[i] - prefix[j]);
                    if (candidate < best[g][i] - 1e-9) {
                        best[g][i] = candidate;
                        cut[g][i] = j;
                    }
                }
            }
        }
        int end = n;
        for (int g = groups; g >= 1; g--) {
            int start = cut[g][end];
            out.add(0, List.copyOf(ordered.subList(start, end)));
            end = start;
        }
        return out;
    }

    private static List<Job> aroundHome(List<Job> jobs) {
        List<Job> byBearing = new ArrayList<>(jobs);
        byBearing.sort(Comparator.comparingDouble(Job::angle).thenComparing(Job::siteId));
        if (byBearing.size() < 2) {
            return byBearing;
        }
        int startAfterGap = 0;
        double widest = -1;
        for (int i = 0; i < byBearing.size(); i++) {
            double here = byBearing.get(i).angle();
            double before = byBearing.get((i - 1 + byBearing.size()) % byBearing.size()).angle();
            double gap = i == 0 ? here + 2 * Math.PI - before : here - before;
            if (gap > widest + 1e-12) {
                widest = gap;
                startAfterGap = i;
            }
        }
        List<Job> rotated = new ArrayList<>(byBearing.subList(startAfterGap, byBearing.size()));
        rotated.addAll(byBearing.subList(0, startAfterGap));
        return rotated;
    }
}
