package org.winterwatch.missions.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which tasks some drone can fly at all (out, along its path and back on one battery, and within the window), the
 * refusals of the others, and how many sorties each drone may need at most.
 */
final class Reach {

    /** Sortie slots per drone beyond the estimate, so that an unbalanced plan never runs out of them. */
    private static final int SPARE_SORTIES = 3;

    private final List<Task> reachable = new ArrayList<>();
    private final List<Refusal> refused = new ArrayList<>();
    private final int[] sortieSlots;

    private Reach(AllocationProblem problem) {
        List<DroneAtBase> drones = problem.drones();
        int[] reachableBy = new int[drones.size()];
        double aloneSum = 0;
        for (Task task : problem.tasks()) {
            DroneAtBase closest = null;
            double closestShortfallS = Double.MAX_VALUE;
            double bestAloneS = Double.MAX_VALUE;
            for (int d = 0; d < drones.size(); d++) {
                DroneAtBase drone = drones.get(d);
                double limitS = Math.min(drone.flightBudgetS(), problem.windowS() - drone.climbS());
                boolean reaches = problem.reaches(drone, task);
                // a drone out of reach is timed in straight lines (enough to tell which came closest)
                double aloneS = reaches ? problem.aloneS(drone, task) : problem.straightAloneS(drone, task);
                if (reaches) {
                    reachableBy[d]++;
                    bestAloneS = Math.min(bestAloneS, aloneS);
                }
                if (aloneS - limitS < closestShortfallS) {
                    closestShortfallS = aloneS - limitS;
                    closest = drone;
                }
            }
            if (bestAloneS < Double.MAX_VALUE) {
                reachable.add(task);
                aloneSum += bestAloneS;
            } else {
                refused.add(new Refusal(task, Refusal.Reason.OUT_OF_REACH, outOfReach(task, closest, problem)));
            }
        }
        sortieSlots = new int[drones.size()];
        for (int d = 0; d < drones.size(); d++) {
            // every task alone on its own sortie bounds the work from above; twice an even share of it is room enough
            int estimate = (int) Math.ceil(2 * aloneSum / (drones.size() * drones.get(d).flightBudgetS()));
            sortieSlots[d] = Math.min(reachableBy[d], estimate + SPARE_SORTIES);
        }
    }

    static Reach of(AllocationProblem problem) {
        return new Reach(problem);
    }

    List<Task> reachable() {
        return List.copyOf(reachable);
    }

    List<Refusal> refused() {
        return List.copyOf(refused);
    }

    /** At most how many sorties drone {@code d} may fly in the solver's model. */
    int sortieSlots(int d) {
        return sortieSlots[d];
    }

    private static String outOfReach(Task task, DroneAtBase drone, AllocationProblem problem) {
        double windowS = problem.windowS();
        double neededS = problem.aloneS(drone, task) + drone.climbS();
        double km = Math.min(drone.baseM().distanceM(task.entryM()), drone.baseM().distanceM(task.exitM())) / 1000;
        if (neededS > drone.usableS()) {
            return String.format(Locale.ROOT, "out of reach of every base: a sortie for it alone takes at least %.0f s"
                    + " (%s from base %s, %.1f km away), one battery gives %.0f s",
                    neededS, drone.droneId(), drone.baseId(), km, drone.usableS());
        }
        return String.format(Locale.ROOT, "out of reach within the window: a sortie for it alone takes at least %.0f s"
                + " (%s from base %s, %.1f km away), the window is %.0f s", neededS, drone.droneId(), drone.baseId(), km,
                windowS);
    }
}
