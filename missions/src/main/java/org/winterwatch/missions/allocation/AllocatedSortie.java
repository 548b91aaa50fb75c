package org.winterwatch.missions.allocation;

import java.util.List;
import java.util.Objects;

/**
 * One sortie the solver planned: from the drone's base through its visits and back.
 *
 * @param droneIndex index into the problem's drones
 * @param number     1-based place among that drone's sorties
 * @param visits     in flight order, never empty
 * @param flightS    horizontal flight time, base to base, sweeps and hovers included (climb and descent not)
 */
public record AllocatedSortie(int droneIndex, int number, List<Visit> visits, double flightS) {

    public AllocatedSortie {
        visits = List.copyOf(Objects.requireNonNull(visits, "visits"));
        if (visits.isEmpty() || droneIndex < 0 || number < 1 || !(flightS >= 0)) {
            throw new IllegalArgumentException("a sortie needs a drone, a number and at least one visit");
        }
    }
}
