package org.winterwatch.missions.allocation;

import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.cost.AbstractForwardVehicleRoutingTransportCosts;
import com.graphhopper.jsprit.core.problem.cost.VehicleRoutingActivityCosts;
import com.graphhopper.jsprit.core.problem.driver.Driver;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;

/**
 * Times and costs as jsprit asks for them, both in seconds: straight-line travel at the vehicle's speed (each
 * vehicle type carries its drone's speed as its maximum velocity), and each task's sweep at that speed. The cost of
 * a route is its flight time.
 */
final class FlightTimes extends AbstractForwardVehicleRoutingTransportCosts implements VehicleRoutingActivityCosts {

    private final Places places;
    /** Speed assumed when jsprit asks without a vehicle (it does, to find neighbouring tasks). */
    private final double anySpeedMps;

    FlightTimes(Places places, double anySpeedMps) {
        this.places = places;
        this.anySpeedMps = anySpeedMps;
    }

    double speedOf(Vehicle vehicle) {
        return vehicle == null ? anySpeedMps : vehicle.getType().getMaxVelocity();
    }

    @Override
    public double getDistance(Location from, Location to, double departureTime, Vehicle vehicle) {
        return places.metres(from.getIndex(), to.getIndex());
    }

    @Override
    public double getTransportTime(Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
        return places.metres(from.getIndex(), to.getIndex()) / speedOf(vehicle);
    }

    @Override
    public double getTransportCost(Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
        return getTransportTime(from, to, departureTime, driver, vehicle);
    }

    @Override
    public double getActivityDuration(TourActivity activity, double arrivalTime, Driver driver, Vehicle vehicle) {
        Task task = places.task(activity.getLocation().getIndex());
        return task == null ? 0 : task.sweepS(speedOf(vehicle));
    }

    @Override
    public double getActivityCost(TourActivity activity, double arrivalTime, Driver driver, Vehicle vehicle) {
        return getActivityDuration(activity, arrivalTime, driver, vehicle);
    }
}
