package org.winterwatch.missions.allocation;

import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Job;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleType;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Coordinate;
import java.util.List;

/**
 * The allocation problem as a jsprit vehicle routing problem, and the way back.
 *
 * <p>Each task is a service at its own location index ({@link Places}). Each drone is a vehicle type of its own
 * (its speed as the type's maximum velocity) with as many vehicles as it may fly sorties: every vehicle is one
 * sortie from the drone's base back to it, its latest arrival the drone's flight budget, so a route can never
 * outlast a battery. How sorties of one drone follow one another (battery changes, the makespan) is not jsprit's
 * business: {@link DroneLoads} and {@link MakespanObjective} add it.
 */
final class SolverModel {

    private final AllocationProblem problem;
    private final List<Task> tasks;
    private final Places places;
    private final FlightTimes times;
    private final VehicleRoutingProblem vrp;

    private SolverModel(AllocationProblem problem, List<Task> tasks, Reach reach) {
        this.problem = problem;
        this.tasks = tasks;
        this.places = new Places(tasks, problem.drones(), problem.travel());
        this.times = new FlightTimes(places, problem.drones().stream().mapToDouble(DroneAtBase::speedMps).average()
                .orElseThrow());
        VehicleRoutingProblem.Builder builder = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE)
                .setRoutingCost(times)
                .setActivityCosts(times);
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            builder.addJob(Service.Builder.newInstance(task.id())
                    .setLocation(location(i, task.id(), task.entryM()))
                    .setServiceTime(task.sweepS(times.speedOf(null)))
                    .setPriority(jspritPriority(task.priority()))
                    .setUserData(task)
                    .build());
        }
        for (int d = 0; d < problem.drones().size(); d++) {
            DroneAtBase drone = problem.drones().get(d);
            VehicleType type = VehicleTypeImpl.Builder.newInstance("drone:" + drone.droneId())
                    .setMaxVelocity(drone.speedMps()).setCostPerDistance(0).setCostPerTransportTime(1).build();
            Location base = location(places.baseIndex(d), "base:" + drone.droneId(), drone.baseM());
            for (int k = 0; k < reach.sortieSlots(d); k++) {
                builder.addVehicle(VehicleImpl.Builder.newInstance(drone.droneId() + "#" + k).setType(type)
                        .setStartLocation(base).setReturnToDepot(true)
                        .setEarliestStart(0).setLatestArrival(drone.flightBudgetS())
                        .setUserData(d).build());
            }
        }
        this.vrp = builder.build();
    }

    static SolverModel of(AllocationProblem problem, Reach reach) {
        return new SolverModel(problem, reach.reachable(), reach);
    }

    private static Location location(int index, String id, PointM p) {
        return Location.Builder.newInstance().setIndex(index).setId(id)
                .setCoordinate(Coordinate.newInstance(p.xM(), p.yM())).build();
    }

    /** jsprit ranks 1 (first) to 10; sites rank 5 (high) to 1 (low). */
    private static int jspritPriority(int sitePriority) {
        return 6 - sitePriority;
    }

    VehicleRoutingProblem vrp() {
        return vrp;
    }

    AllocationProblem problem() {
        return problem;
    }

    List<Task> tasks() {
        return tasks;
    }

    DroneAtBase drone(int index) {
        return problem.drones().get(index);
    }

    int droneOf(Vehicle vehicle) {
        return (Integer) vehicle.getUserData();
    }

    static Task taskOf(Job job) {
        return (Task) ((com.graphhopper.jsprit.core.problem.AbstractJob) job).getUserData();
    }

    /** Horizontal flight time of a route, base to base, as jsprit times it (every path forwards). */
    double flightS(VehicleRoute route) {
        Vehicle vehicle = route.getVehicle();
        double s = 0;
        TourActivity previous = route.getStart();
        for (TourActivity act : route.getActivities()) {
            s += legS(previous, act, vehicle) + times.getActivityDuration(act, 0, null, vehicle);
            previous = act;
        }
        return s + legS(previous, route.getEnd(), vehicle);
    }

    /** Flight time added to a route by putting {@code act} between {@code previous} and {@code next}. */
    double addedS(Vehicle vehicle, TourActivity previous, TourActivity act, TourActivity next) {
        return legS(previous, act, vehicle) + times.getActivityDuration(act, 0, null, vehicle) + legS(act, next, vehicle)
                - legS(previous, next, vehicle);
    }

    private double legS(TourActivity from, TourActivity to, Vehicle vehicle) {
        return times.getTransportTime(from.getLocation(), to.getLocation(), 0, null, vehicle);
    }
}
