package org.winterwatch.missions.allocation;

import java.util.List;
import java.util.Objects;

/**
 * The solver's answer: every sortie of every drone, the tasks left out with their reasons, and how the search went.
 *
 * @param sorties    by drone, then sortie number
 * @param refused    tasks no sortie flies
 * @param makespanS  time from the first take-off until the last drone has landed, battery changes included
 * @param iterations ruin-and-recreate iterations the search ran
 * @param searchMs   wall-clock time of the search
 */
public record Allocation(List<AllocatedSortie> sorties, List<Refusal> refused, double makespanS, int iterations,
                         long searchMs) {

    public Allocation {
        sorties = List.copyOf(Objects.requireNonNull(sorties, "sorties"));
        refused = List.copyOf(Objects.requireNonNull(refused, "refused"));
    }

    /** The tasks left out, each priority step weighing ten times the one below: fewer and lower is better. */
    public double leftOutWeight() {
        return refused.stream().mapToDouble(r -> Math.pow(10, r.task().priority() - 1)).sum();
    }

    /** The sorties of one drone, in flight order. */
    public List<AllocatedSortie> sortiesOf(int droneIndex) {
        return sorties.stream().filter(s -> s.droneIndex() == droneIndex).toList();
    }
}
