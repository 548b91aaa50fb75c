package org.winterwatch.missions.allocation;

import com.graphhopper.jsprit.core.problem.job.Job;
import com.graphhopper.jsprit.core.problem.solution.SolutionCostCalculator;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import java.util.List;

/**
 * What the search minimises, in seconds: the makespan (the busiest drone's time from first take-off to last
 * landing, battery changes included), plus a share of the fleet's mean busy time so that, among plans with the same
 * makespan, the one that flies less wins; a task left out costs more than any plan that flies it, and each priority
 * step ten times more than the one below, so that higher priorities are flown first.
 */
final class MakespanObjective implements SolutionCostCalculator {

    /** Weight of the fleet's mean busy time beside the makespan. */
    static final double MEAN_WEIGHT = 0.5;

    private final SolverModel model;
    private final double leftOutS;

    MakespanObjective(SolverModel model) {
        this.model = model;
        List<DroneAtBase> drones = model.problem().drones();
        double longestSortie = drones.stream().mapToDouble(DroneAtBase::usableS).max().orElseThrow();
        // more than any one task can add to the makespan and the mean together
        this.leftOutS = 2 * (longestSortie + model.problem().swapS()) + 1;
    }

    @Override
    public double getCosts(VehicleRoutingProblemSolution solution) {
        int drones = model.problem().drones().size();
        double[] flight = new double[drones];
        int[] sorties = new int[drones];
        for (VehicleRoute route : solution.getRoutes()) {
            if (!route.isEmpty()) {
                int d = model.droneOf(route.getVehicle());
                flight[d] += model.flightS(route);
                sorties[d]++;
            }
        }
        double makespan = 0;
        double sum = 0;
        double overWindow = 0;
        for (int d = 0; d < drones; d++) {
            double busy = model.drone(d).busyS(flight[d], sorties[d], model.problem().swapS());
            makespan = Math.max(makespan, busy);
            sum += busy;
            overWindow += Math.max(0, busy - model.problem().windowS());
        }
        double cost = makespan + MEAN_WEIGHT * sum / drones + 100 * overWindow;
        for (Job job : solution.getUnassignedJobs()) {
            cost += leftOutS * Math.pow(10, SolverModel.taskOf(job).priority() - 1);
        }
        return cost;
    }
}
