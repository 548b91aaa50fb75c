package org.winterwatch.missions.allocation;

import com.graphhopper.jsprit.core.algorithm.recreate.listener.InsertionStartsListener;
import com.graphhopper.jsprit.core.algorithm.recreate.listener.JobInsertedListener;
import com.graphhopper.jsprit.core.algorithm.state.StateUpdater;
import com.graphhopper.jsprit.core.problem.constraint.HardActivityConstraint;
import com.graphhopper.jsprit.core.problem.constraint.SoftActivityConstraint;
import com.graphhopper.jsprit.core.problem.job.Job;
import com.graphhopper.jsprit.core.problem.misc.JobInsertionContext;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * How long each drone is busy with the routes of the solution being rebuilt (its sorties' flights, climbs and
 * battery changes), kept up to date as jsprit inserts tasks; and the two rules that need it while a task is
 * inserted: what the insertion costs beyond its flight time (a new sortie's climb and battery change, and raising
 * the busiest drone's time) and, with a window, whether the drone still lands in time.
 */
final class DroneLoads implements StateUpdater, InsertionStartsListener, JobInsertedListener {

    private final SolverModel model;
    private final double makespanWeight;
    private final Map<VehicleRoute, Double> flights = new IdentityHashMap<>();
    private final double[] busyS;
    private final int[] sorties;
    private double maxBusyS;

    /**
     * @param makespanWeight cost of one second added to the busiest drone's time, relative to one second of flight
     */
    DroneLoads(SolverModel model, double makespanWeight) {
        this.model = model;
        this.makespanWeight = makespanWeight;
        this.busyS = new double[model.problem().drones().size()];
        this.sorties = new int[busyS.length];
    }

    @Override
    public void informInsertionStarts(Collection<VehicleRoute> routes, Collection<Job> unassigned) {
        flights.clear();
        routes.stream().filter(r -> !r.isEmpty()).forEach(r -> flights.put(r, model.flightS(r)));
        recount();
    }

    @Override
    public void informJobInserted(Job job, VehicleRoute route, double additionalCosts, double additionalTime) {
        flights.put(route, model.flightS(route));
        recount();
    }

    private void recount() {
        double[] flightSum = new double[busyS.length];
        java.util.Arrays.fill(sorties, 0);
        flights.forEach((route, s) -> {
            int d = model.droneOf(route.getVehicle());
            flightSum[d] += s;
            sorties[d]++;
        });
        maxBusyS = 0;
        for (int d = 0; d < busyS.length; d++) {
            busyS[d] = model.drone(d).busyS(flightSum[d], sorties[d], model.problem().swapS());
            maxBusyS = Math.max(maxBusyS, busyS[d]);
        }
    }

    /** Time the drone's busy time grows by when {@code act} goes between {@code previous} and {@code next}. */
    private double growthS(JobInsertionContext context, TourActivity previous, TourActivity act, TourActivity next) {
        int d = model.droneOf(context.getNewVehicle());
        double s = model.addedS(context.getNewVehicle(), previous, act, next);
        return context.getRoute().isEmpty() ? s + openingS(d) : s;
    }

    /** A new sortie climbs and descends, and follows a battery change unless it is the drone's first. */
    private double openingS(int d) {
        return model.drone(d).climbS() + (sorties[d] > 0 ? model.problem().swapS() : 0);
    }

    /** Opening a sortie costs its climb and battery change; raising the busiest drone's time costs extra. */
    SoftActivityConstraint balance() {
        return (context, previous, act, next, departure) -> {
            int d = model.droneOf(context.getNewVehicle());
            double opening = context.getRoute().isEmpty() ? openingS(d) : 0;
            double after = busyS[d] + growthS(context, previous, act, next);
            return opening + makespanWeight * (Math.max(0, after - maxBusyS) - Math.max(0, busyS[d] - maxBusyS));
        };
    }

    /** A drone must land for the last time within the window. */
    HardActivityConstraint window() {
        double windowS = model.problem().windowS();
        return (context, previous, act, next, departure) -> {
            int d = model.droneOf(context.getNewVehicle());
            return busyS[d] + growthS(context, previous, act, next) <= windowS
                    ? HardActivityConstraint.ConstraintsStatus.FULFILLED
                    : HardActivityConstraint.ConstraintsStatus.NOT_FULFILLED;
        };
    }
}
