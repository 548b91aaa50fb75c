package org.winterwatch.missions.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * Evens out bases after jsprit has planned them: the busiest base gives the tasks that are cheapest to fly from
 * elsewhere to bases that land earlier, and the bases concerned are planned again; the move stays when the busiest
 * drone of the city lands earlier, else the next step tries half as much. A fixed number of steps, so that it stays
 * deterministic; the deadline only guards.
 */
final class Descent {

    private final BasePartition partition;
    private final BiFunction<Integer, List<Task>, Allocation> solver;
    private final List<List<Task>> parts;
    private final List<Allocation> solved;

    Descent(BasePartition partition, List<List<Task>> parts, List<Allocation> solved,
            BiFunction<Integer, List<Task>, Allocation> solver) {
        this.partition = partition;
        this.solver = solver;
        this.parts = new ArrayList<>(parts);
        this.solved = new ArrayList<>(solved);
    }

    List<List<Task>> parts() {
        return parts;
    }

    List<Allocation> solved() {
        return solved;
    }

    /** Runs up to {@code steps} steps while {@code timeLeft} says there is time. */
    Descent run(int steps, java.util.function.BooleanSupplier timeLeft) {
        double share = 0.5;
        for (int step = 0; step < steps && share > 0.01 && timeLeft.getAsBoolean(); step++) {
            if (!tryMove(share)) {
                share /= 2;
            }
        }
        return this;
    }

    private boolean tryMove(double share) {
        int bases = parts.size();
        double[] makespans = solved.stream().mapToDouble(Allocation::makespanS).toArray();
        int worst = IntStream.range(0, bases).reduce((a, b) -> makespans[b] > makespans[a] ? b : a).orElseThrow();
        double[] factors = factors();
        double mean = IntStream.range(0, bases).mapToDouble(b -> makespans[b]).average().orElseThrow();
        double toGiveS = share * (makespans[worst] - mean);
        record Move(Task task, int to, double costS) { }
        List<Move> moves = new ArrayList<>();
        for (Task task : parts.get(worst)) {
            double here = partition.estimateS(task, worst) * factors[worst];
            int bestTo = -1;
            double bestCost = Double.MAX_VALUE;
            for (int c = 0; c < bases; c++) {
                double there = partition.estimateS(task, c) * factors[c];
                if (c != worst && !Double.isNaN(there) && makespans[c] + there < makespans[worst] && there < bestCost) {
                    bestTo = c;
                    bestCost = there;
                }
            }
            if (bestTo >= 0) {
                moves.add(new Move(task, bestTo, bestCost - here));
            }
        }
        moves.sort(Comparator.comparingDouble(Move::costS).thenComparing(m -> m.task().id()));
        double[] added = new double[bases];
        double given = 0;
        Set<String> leaving = new HashSet<>();
        List<List<Task>> next = new ArrayList<>(parts);
        for (Move m : moves) {
            if (given >= toGiveS) {
                break;
            }
            double there = partition.estimateS(m.task(), m.to()) * factors[m.to()];
            if (makespans[m.to()] + added[m.to()] + there >= makespans[worst] - given) {
                continue;
            }
            added[m.to()] += there;
            given += partition.estimateS(m.task(), worst) * factors[worst];
            leaving.add(m.task().id());
            List<Task> receiving = new ArrayList<>(next.get(m.to()));
            receiving.add(m.task());
            next.set(m.to(), receiving);
        }
        if (leaving.isEmpty()) {
            return false;
        }
        next.set(worst, parts.get(worst).stream().filter(t -> !leaving.contains(t.id())).toList());
        List<Integer> changed = IntStream.range(0, bases).filter(b -> b == worst || added[b] > 0).boxed().toList();
        List<Allocation> replanned = changed.parallelStream().map(b -> solver.apply(b, next.get(b))).toList();
        double after = 0;
        double leftOutAfter = 0;
        for (int b = 0; b < bases; b++) {
            int i = changed.indexOf(b);
            Allocation a = i >= 0 ? replanned.get(i) : solved.get(b);
            after = Math.max(after, a.makespanS());
            leftOutAfter += a.leftOutWeight();
        }
        double leftOutBefore = solved.stream().mapToDouble(Allocation::leftOutWeight).sum();
        // with a window, a base could land earlier by leaving tasks out: that is no improvement
        if (leftOutAfter > leftOutBefore || leftOutAfter == leftOutBefore && after >= makespans[worst] - 1e-6) {
            return false;
        }
        for (int i = 0; i < changed.size(); i++) {
            parts.set(changed.get(i), next.get(changed.get(i)));
            solved.set(changed.get(i), replanned.get(i));
        }
        return true;
    }

    /** How much busier each base's drones really are than its estimates say. */
    private double[] factors() {
        double[] f = new double[parts.size()];
        for (int b = 0; b < f.length; b++) {
            int base = b;
            double estimate = parts.get(b).stream().mapToDouble(t -> partition.estimateS(t, base)).sum()
                    / partition.bases().get(b).droneIndices().size();
            f[b] = estimate > 0 && solved.get(b).makespanS() > 0 ? solved.get(b).makespanS() / estimate : 1;
        }
        return f;
    }
}
