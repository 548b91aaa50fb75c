package org.winterwatch.missions;

import java.util.List;
import java.util.Objects;

/**
 * One flight on one battery: take-off at home, transit and sweeps, back home.
 *
 * <p>The waypoints start at the first point after take-off and end with home; {@code lengthM} is the
 * horizontal length from home through every waypoint, and {@code durationS} adds the climb to and the
 * descent from the sweep altitude.
 *
 * @param droneIndex 0-based drone the sortie is for (its id and base are the plan's, {@link FleetPlan#drone(int)})
 * @param number     1-based order of this sortie among the drone's sorties
 * @param waypoints  route in flight order, never empty
 * @param siteIds    sites swept (wholly or in part) on this sortie, in flight order
 * @param lengthM    horizontal route length, home to home
 * @param durationS  estimated flight time, take-off to landing
 */
public record Sortie(int droneIndex, int number, List<Waypoint> waypoints, List<String> siteIds,
                     double lengthM, double durationS) {

    public Sortie {
        if (droneIndex < 0) {
            throw new IllegalArgumentException("droneIndex must be >= 0, was " + droneIndex);
        }
        if (number < 1) {
            throw new IllegalArgumentException("sortie number must be >= 1, was " + number);
        }
        waypoints = List.copyOf(Objects.requireNonNull(waypoints, "waypoints"));
        if (waypoints.isEmpty()) {
            throw new IllegalArgumentException("a sortie needs at least one waypoint");
        }
        siteIds = List.copyOf(Objects.requireNonNull(siteIds, "siteIds"));
        if (!(lengthM >= 0) || !Double.isFinite(lengthM) || !(durationS >= 0) || !Double.isFinite(durationS)) {
            throw new IllegalArgumentException("lengthM and durationS must be finite and >= 0, were "
                    + lengthM + " and " + durationS);
        }
    }
}
