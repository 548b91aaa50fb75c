package org.winterwatch.missions;

import java.util.List;

/**
 * One flight on one battery: take-off at home, the waypoints, and the way back home.
 *
 * @param droneIndex 0-based index of the drone in the fleet
 * @param number     1, 2, ... for the drone's successive sorties
 * @param lengthM    flown length including the transits from and back to home
 * @param durationS  estimated flight time including climb and descent
 */
public record Sortie(int droneIndex, int number, List<Waypoint> waypoints, List<String> siteIds, double lengthM,
                     double durationS) {

    public Sortie {
        waypoints = List.copyOf(waypoints);
        siteIds = List.copyOf(siteIds);
        if (droneIndex < 0 || number < 1) {
            throw new IllegalArgumentException("droneIndex >= 0 and number >= 1 required, got " + droneIndex + "/" + number);
        }
        if (waypoints.isEmpty()) {
            throw new IllegalArgumentException("a sortie needs at least one waypoint");
        }
    }

    /** The contract's drone name, {@code drone-1} for index 0. */
    public String droneName() {
        return "drone-" + (droneIndex + 1);
    }
}
