package org.winterwatch.missions.allocation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who flies which site: the tasks, the drones at their bases, the battery change between two sorties of one
 * drone, the window the whole sweep must end within, and how far it is from one point to another. Built once, then
 * solved; immutable.
 *
 * @param tasks   the work, ids unique
 * @param drones  the fleet, at least one, ids unique
 * @param swapS   time on the ground between two sorties of one drone (battery change)
 * @param windowS every drone's last landing must come within this many seconds of the first take-off
 *                ({@link Double#POSITIVE_INFINITY}: no limit)
 * @param travel  metres between two points, around no-fly zones where there are some
 */
public record AllocationProblem(List<Task> tasks, List<DroneAtBase> drones, double swapS, double windowS,
                                Travel travel) {

    public AllocationProblem {
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
        drones = List.copyOf(Objects.requireNonNull(drones, "drones"));
        if (drones.isEmpty()) {
            throw new IllegalArgumentException("a fleet needs at least one drone");
        }
        Set<String> ids = new HashSet<>();
        tasks.forEach(t -> {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("duplicate task id " + t.id());
            }
        });
        Set<String> droneIds = new HashSet<>();
        Map<String, PointM> bases = new HashMap<>();
        drones.forEach(d -> {
            if (!droneIds.add(d.droneId())) {
                throw new IllegalArgumentException("duplicate drone id " + d.droneId());
            }
            if (!bases.computeIfAbsent(d.baseId(), id -> d.baseM()).equals(d.baseM())) {
                throw new IllegalArgumentException("base " + d.baseId() + " has two positions");
            }
        });
        if (!(swapS >= 0) || !Double.isFinite(swapS)) {
            throw new IllegalArgumentException("swapS must be finite and >= 0, was " + swapS);
        }
        if (!(windowS > 0)) {
            throw new IllegalArgumentException("windowS must be > 0, was " + windowS);
        }
        Objects.requireNonNull(travel, "travel");
    }

    /** A problem in open sky: every leg a straight line. */
    public AllocationProblem(List<Task> tasks, List<DroneAtBase> drones, double swapS, double windowS) {
        this(tasks, drones, swapS, windowS, Travel.STRAIGHT);
    }

    /** The same problem for other tasks and drones (a base's share of it). */
    public AllocationProblem part(List<Task> someTasks, List<DroneAtBase> someDrones) {
        return new AllocationProblem(someTasks, someDrones, swapS, windowS, travel);
    }

    /** Flight time of {@code drone} from {@code from} to {@code to}. */
    public double travelS(DroneAtBase drone, PointM from, PointM to) {
        return travel.metres(from, to) / drone.speedMps();
    }

    /** The shortest sortie of {@code drone} that sweeps {@code task} alone: out to one end, along it, back. */
    public double aloneS(DroneAtBase drone, Task task) {
        PointM base = drone.baseM();
        double forwards = travel.metres(base, task.entryM()) + travel.metres(task.exitM(), base);
        double backwards = travel.metres(base, task.exitM()) + travel.metres(task.entryM(), base);
        return Math.min(forwards, backwards) / drone.speedMps() + task.sweepS(drone.speedMps());
    }

    /**
     * Whether {@code drone} can fly {@code task} alone on one battery, and within the window. Tries straight lines
     * first: no detour makes a sortie shorter, so what is too far in a straight line needs no routing.
     */
    public boolean reaches(DroneAtBase drone, Task task) {
        double limitS = Math.min(drone.flightBudgetS(), windowS - drone.climbS());
        return straightAloneS(drone, task) <= limitS && aloneS(drone, task) <= limitS;
    }

    /** As {@link #aloneS} in straight lines: never more than it. */
    double straightAloneS(DroneAtBase drone, Task task) {
        PointM base = drone.baseM();
        double forwards = base.distanceM(task.entryM()) + task.exitM().distanceM(base);
        double backwards = base.distanceM(task.exitM()) + task.entryM().distanceM(base);
        return Math.min(forwards, backwards) / drone.speedMps() + task.sweepS(drone.speedMps());
    }

    /** Flight time of the sortie {@code visits} of {@code drone}, base to base, climb excluded. */
    public double flightS(DroneAtBase drone, List<Visit> visits) {
        double s = 0;
        PointM at = drone.baseM();
        for (Visit v : visits) {
            s += travelS(drone, at, v.startM()) + v.task().sweepS(drone.speedMps());
            at = v.endM();
        }
        return s + travelS(drone, at, drone.baseM());
    }

    /** A problem with no window: everything within reach is flown, however long it takes. */
    public static AllocationProblem unbounded(List<Task> tasks, List<DroneAtBase> drones, double swapS) {
        return new AllocationProblem(tasks, drones, swapS, Double.POSITIVE_INFINITY);
    }
}
