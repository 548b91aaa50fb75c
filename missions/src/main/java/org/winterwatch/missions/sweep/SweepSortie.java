package org.winterwatch.missions.sweep;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One flight of one drone within a sweep.
 *
 * @param number  1-based among the drone's sorties in this sweep
 * @param siteIds the sites it carries, in flight order
 * @param flight  what was uploaded, null until the upload is verified
 * @param reason  why it was aborted, failed or cut short; null otherwise
 */
public record SweepSortie(String droneId, int number, SortieState state, List<String> siteIds, Instant startedAt,
                          Instant endedAt, String reason, SortieFlight flight) {

    public SweepSortie {
        Objects.requireNonNull(droneId, "droneId");
        Objects.requireNonNull(state, "state");
        siteIds = List.copyOf(siteIds);
        if (number < 1) {
            throw new IllegalArgumentException("sortie number must be >= 1, was " + number);
        }
    }

    /** {@code drone-2/1}: the name used in transitions and logs. */
    public String key() {
        return droneId + "/" + number;
    }

    SweepSortie with(SortieState newState, Instant newEnded, String newReason, SortieFlight newFlight) {
        return new SweepSortie(droneId, number, newState, siteIds, startedAt, newEnded, newReason, newFlight);
    }
}
