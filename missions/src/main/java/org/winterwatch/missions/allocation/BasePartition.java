package org.winterwatch.missions.allocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares tasks among bases so that each base's drones have about as much to fly as the others': every task goes to
 * the reachable base that is nearest once each base's distance is lessened by an offset (an additively weighted
 * Voronoi partition), and the offsets are tuned until the estimated work per drone is even.
 *
 * <p>The estimate of a task's work at a base ({@link #estimateS}) counts its sweep, the hop to a neighbour, and its
 * share of the flight out and back, the climb and the battery change of a sortie that far out: sorties far from the
 * base carry fewer tasks, so far tasks cost much more. Each base's estimates are multiplied by a calibration factor
 * that the caller learns from real solutions.
 */
final class BasePartition {

    /** The drones of one base and what one of their sorties can do. */
    record Base(String id, PointM positionM, List<Integer> droneIndices, double speedMps, double flightBudgetS,
                double climbS) {
    }

    private static final int BALANCING_STEPS = 400;
    private static final double FIRST_STEP_M = 800;

    private final List<Task> tasks;
    private final List<Base> bases;
    private final double swapS;
    private final double windowS;
    /** estimate[t][b]: work of task t at base b, seconds; NaN where no drone of b reaches t. */
    private final double[][] estimate;
    private final double[][] distanceM;
    private final Map<String, Integer> indexOf = new java.util.HashMap<>();

    BasePartition(AllocationProblem problem, List<Task> tasks) {
        this.tasks = List.copyOf(tasks);
        this.bases = basesOf(problem);
        this.swapS = problem.swapS();
        this.windowS = problem.windowS();
        double hopS = meanHopM(tasks) / problem.drones().stream().mapToDouble(DroneAtBase::speedMps).average().orElseThrow();
        double meanSweepS = tasks.stream().mapToDouble(t -> t.sweepS(bases.get(0).speedMps())).average().orElse(0);
        estimate = new double[tasks.size()][bases.size()];
        distanceM = new double[tasks.size()][bases.size()];
        for (int t = 0; t < tasks.size(); t++) {
            Task task = tasks.get(t);
            indexOf.put(task.id(), t);
            for (int b = 0; b < bases.size(); b++) {
                Base base = bases.get(b);
                distanceM[t][b] = base.positionM().distanceM(midpoint(task));
                boolean reachable = base.droneIndices().stream().map(problem.drones()::get)
                        .anyMatch(d -> problem.reaches(d, task));
                estimate[t][b] = reachable ? estimateS(task, base, distanceM[t][b], hopS, meanSweepS) : Double.NaN;
            }
        }
    }

    List<Base> bases() {
        return bases;
    }

    double windowS() {
        return windowS;
    }

    /** Estimated work of one of the partition's tasks at {@code base}, seconds; NaN where the base cannot reach it. */
    double estimateS(Task task, int base) {
        return estimate[indexOf.get(task.id())][base];
    }

    /** Work of {@code task} at {@code base}, {@code rM} from it, seconds of one drone's time. */
    private double estimateS(Task task, Base base, double rM, double hopS, double meanSweepS) {
        double radialS = 2 * rM / base.speedMps();
        double perTaskS = meanSweepS + hopS;
        double tasksPerSortie = Math.max(1, (base.flightBudgetS() - radialS) / perTaskS);
        return task.sweepS(base.speedMps()) + hopS + (radialS + base.climbS() + swapS) / tasksPerSortie;
    }

    /** The tasks of each base (in task order) under {@code offsetsM}. */
    List<List<Task>> assign(double[] offsetsM) {
        List<List<Task>> parts = new ArrayList<>();
        bases.forEach(b -> parts.add(new ArrayList<>()));
        for (int t = 0; t < tasks.size(); t++) {
            parts.get(baseOf(t, offsetsM)).add(tasks.get(t));
        }
        return parts;
    }

    private int baseOf(int t, double[] offsetsM) {
        int best = -1;
        for (int b = 0; b < bases.size(); b++) {
            if (!Double.isNaN(estimate[t][b])
                    && (best < 0 || distanceM[t][b] - offsetsM[b] < distanceM[t][best] - offsetsM[best])) {
                best = b;
            }
        }
        return best;
    }

    /** Estimated busy time per drone of each base under {@code offsetsM}, calibrated by {@code factors}. */
    double[] loadsS(double[] offsetsM, double[] factors) {
        double[] loads = new double[bases.size()];
        for (int t = 0; t < tasks.size(); t++) {
            int b = baseOf(t, offsetsM);
            loads[b] += estimate[t][b];
        }
        for (int b = 0; b < loads.length; b++) {
            loads[b] = loads[b] * factors[b] / bases.get(b).droneIndices().size();
        }
        return loads;
    }

    /**
     * Offsets that even out the calibrated estimates, starting from {@code startM}: each step moves every base's
     * offset by its share of the gap to the mean (a busy base shrinks, an idle one grows), in smaller steps as it
     * goes; the offsets with the lowest busiest base win. Deterministic.
     */
    double[] balance(double[] startM, double[] factors) {
        double[] offsets = startM.clone();
        double[] best = offsets.clone();
        double bestMax = max(loadsS(offsets, factors));
        double step = FIRST_STEP_M;
        for (int i = 0; i < BALANCING_STEPS; i++) {
            double[] loads = loadsS(offsets, factors);
            double mean = meanPerDrone(loads);
            if (mean <= 0) {
                break;
            }
            for (int b = 0; b < offsets.length; b++) {
                offsets[b] += step * (mean - loads[b]) / mean;
            }
            double peak = max(loadsS(offsets, factors));
            if (peak < bestMax) {
                bestMax = peak;
                best = offsets.clone();
            }
            step *= 0.99;
        }
        return best;
    }

    private double meanPerDrone(double[] loads) {
        double sum = 0;
        int drones = 0;
        for (int b = 0; b < loads.length; b++) {
            int n = bases.get(b).droneIndices().size();
            sum += loads[b] * n;
            drones += n;
        }
        return sum / drones;
    }

    static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static List<Base> basesOf(AllocationProblem problem) {
        Map<String, List<Integer>> byBase = new LinkedHashMap<>();
        for (int d = 0; d < problem.drones().size(); d++) {
            byBase.computeIfAbsent(problem.drones().get(d).baseId(), k -> new ArrayList<>()).add(d);
        }
        List<Base> out = new ArrayList<>();
        byBase.forEach((id, indices) -> {
            List<DroneAtBase> drones = indices.stream().map(problem.drones()::get).toList();
            out.add(new Base(id, drones.get(0).baseM(), List.copyOf(indices),
                    drones.stream().mapToDouble(DroneAtBase::speedMps).average().orElseThrow(),
                    drones.stream().mapToDouble(DroneAtBase::flightBudgetS).average().orElseThrow(),
                    drones.stream().mapToDouble(DroneAtBase::climbS).average().orElseThrow()));
        });
        return List.copyOf(out);
    }

    private static PointM midpoint(Task task) {
        return new PointM((task.entryM().xM() + task.exitM().xM()) / 2, (task.entryM().yM() + task.exitM().yM()) / 2);
    }

    /** Mean distance from a task's exit to the nearest other task's entry. */
    private static double meanHopM(List<Task> tasks) {
        if (tasks.size() < 2) {
            return 0;
        }
        double sum = 0;
        for (Task a : tasks) {
            double nearest = Double.MAX_VALUE;
            for (Task b : tasks) {
                if (a != b) {
                    nearest = Math.min(nearest, a.exitM().distanceM(b.entryM()));
                }
            }
            sum += nearest;
        }
        return sum / tasks.size();
    }
}
