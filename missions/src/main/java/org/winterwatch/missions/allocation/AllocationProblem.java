package org.winterwatch.missions.allocation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who flies which site: the tasks, the drones at their bases, the battery change between two sorties of one
 * drone, and the window the whole sweep must end within. Built once, then solved; immutable.
 *
 * @param tasks   the work, ids unique
 * @param drones  the fleet, at least one, ids unique
 * @param swapS   time on the ground between two sorties of one drone (battery change)
 * @param windowS every drone's last landing must come within this many seconds of the first take-off
 *                ({@link Double#POSITIVE_INFINITY}: no limit)
 */
public record AllocationProblem(List<Task> tasks, List<DroneAtBase> drones, double swapS, double windowS) {

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
    }

    /** A problem with no window: everything within reach is flown, however long it takes. */
    public static AllocationProblem unbounded(List<Task> tasks, List<DroneAtBase> drones, double swapS) {
        return new AllocationProblem(tasks, drones, swapS, Double.POSITIVE_INFINITY);
    }
}
