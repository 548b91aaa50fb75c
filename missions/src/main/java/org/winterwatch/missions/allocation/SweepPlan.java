package org.winterwatch.missions.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The fallback when the time limit has run out before a base got its search: the sweep heuristic (tasks in order
 * of bearing from the base, each added to the open sortie while the way home still fits the battery), sorties dealt
 * out longest first to the drone with least to do. Milliseconds, and every sortie within its battery; far from
 * jsprit's plans, but it keeps a machine too slow for the limit from overrunning it.
 */
final class SweepPlan {

    private SweepPlan() {
    }

    /** A plan of {@code problem}, whose drones share one base. */
    static Allocation of(AllocationProblem problem) {
        List<DroneAtBase> drones = problem.drones();
        // packed for the slowest drone with the shortest battery, so that any drone of the base flies any sortie
        DroneAtBase slowest = drones.stream().min(Comparator.comparingDouble(DroneAtBase::speedMps)).orElseThrow();
        double budgetS = drones.stream().mapToDouble(DroneAtBase::flightBudgetS).min().orElseThrow();
        PointM base = drones.get(0).baseM();
        List<Task> order = new ArrayList<>(problem.tasks());
        order.sort(Comparator.comparingDouble((Task t) -> SweepEstimate.bearing(base, t)).thenComparing(Task::id));
        List<List<Task>> sorties = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        List<Task> open = new ArrayList<>();
        for (Task task : order) {
            List<Task> with = new ArrayList<>(open);
            with.add(task);
            if (flightS(problem, slowest, with) <= budgetS) {
                open = with;
            } else if (flightS(problem, slowest, List.of(task)) > budgetS) {
                refused.add(new Refusal(task, Refusal.Reason.NOT_PLACED, "no time was left to place it"));
            } else {
                sorties.add(open);
                open = new ArrayList<>(List.of(task));
            }
        }
        if (!open.isEmpty()) {
            sorties.add(open);
        }
        return dealtOut(problem, sorties, refused);
    }

    private static double flightS(AllocationProblem problem, DroneAtBase drone, List<Task> tasks) {
        return problem.flightS(drone, Orientation.shortest(drone.baseM(), tasks, problem.travel()));
    }

    private static Allocation dealtOut(AllocationProblem problem, List<List<Task>> sorties, List<Refusal> refused) {
        List<DroneAtBase> drones = problem.drones();
        sorties.sort(Comparator.comparingDouble((List<Task> s) -> -flightS(problem, drones.get(0), s)));
        double[] busy = new double[drones.size()];
        int[] numbers = new int[drones.size()];
        List<AllocatedSortie> out = new ArrayList<>();
        for (List<Task> sortie : sorties) {
            int least = 0;
            for (int d = 1; d < drones.size(); d++) {
                if (busy[d] < busy[least]) {
                    least = d;
                }
            }
            DroneAtBase drone = drones.get(least);
            List<Visit> visits = Orientation.shortest(drone.baseM(), sortie, problem.travel());
            double flight = problem.flightS(drone, visits);
            double after = busy[least] + flight + drone.climbS() + (numbers[least] > 0 ? problem.swapS() : 0);
            if (after > problem.windowS()) {
                sortie.forEach(t -> refused.add(new Refusal(t, Refusal.Reason.NO_TIME_LEFT, String.format(Locale.ROOT,
                        "no time left in the %.0f min window", problem.windowS() / 60))));
                continue;
            }
            busy[least] = after;
            out.add(new AllocatedSortie(least, ++numbers[least], visits, flight));
        }
        out.sort(Comparator.comparingInt(AllocatedSortie::droneIndex).thenComparingInt(AllocatedSortie::number));
        double makespan = 0;
        for (double b : busy) {
            makespan = Math.max(makespan, b);
        }
        return new Allocation(out, refused, makespan, 0, 0);
    }
}
