package org.winterwatch.missions.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * With a window, a base may have had no time for some of its tasks while a neighbour lands early: each leftover
 * task, highest priority first, is offered to the base within reach with the most time left (if its estimated work
 * fits there), and the bases that took some are solved again. Once, so that it stays cheap; what still does not fit
 * stays refused.
 */
final class WindowSpill {

    private WindowSpill() {
    }

    /**
     * @param parts  the tasks of each base
     * @param solved each base's allocation of its part
     * @param solver solves one base (by index) with the tasks given
     * @return each base's allocation after the offer
     */
    static List<Allocation> offerLeftovers(BasePartition partition, List<List<Task>> parts, List<Allocation> solved,
                                           BiFunction<Integer, List<Task>, Allocation> solver) {
        int bases = solved.size();
        double[] slackS = new double[bases];
        List<List<Task>> extra = new ArrayList<>();
        List<Refusal> leftovers = new ArrayList<>();
        List<Integer> homeOf = new ArrayList<>();
        for (int b = 0; b < bases; b++) {
            extra.add(new ArrayList<>());
            for (Refusal r : solved.get(b).refused()) {
                if (r.reason() == Refusal.Reason.NO_TIME_LEFT) {
                    leftovers.add(r);
                    homeOf.add(b);
                }
            }
        }
        if (leftovers.isEmpty()) {
            return solved;
        }
        for (int b = 0; b < bases; b++) {
            slackS[b] = partition.windowS() - solved.get(b).makespanS();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < leftovers.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> -leftovers.get(i).task().priority())
                .thenComparing(i -> leftovers.get(i).task().id()));
        Set<String> moved = new HashSet<>();
        for (int i : order) {
            Task task = leftovers.get(i).task();
            int best = -1;
            for (int c = 0; c < bases; c++) {
                double work = partition.estimateS(task, c);
                if (c != homeOf.get(i) && !Double.isNaN(work) && work <= slackS[c]
                        && (best < 0 || slackS[c] > slackS[best])) {
                    best = c;
                }
            }
            if (best >= 0) {
                extra.get(best).add(task);
                slackS[best] -= partition.estimateS(task, best);
                moved.add(task.id());
            }
        }
        List<Allocation> out = new ArrayList<>();
        for (int b = 0; b < bases; b++) {
            Allocation a = solved.get(b);
            if (!extra.get(b).isEmpty()) {
                // a base that gives tasks away and takes others flies neither twice
                List<Task> tasks = new ArrayList<>(parts.get(b).stream().filter(t -> !moved.contains(t.id())).toList());
                tasks.addAll(extra.get(b));
                out.add(solver.apply(b, tasks));
            } else {
                out.add(new Allocation(a.sorties(), a.refused().stream()
                        .filter(r -> !moved.contains(r.task().id())).toList(), a.makespanS(), a.iterations(),
                        a.searchMs()));
            }
        }
        return out;
    }
}
