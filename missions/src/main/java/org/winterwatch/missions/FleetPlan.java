package org.winterwatch.missions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.SiteCoverage;

/**
 * The work of a fleet: sorties per drone, the coverage path of every assigned site, the sites left out with their
 * reasons, the drones (with their bases and usable time per sortie) and the battery change between two sorties.
 *
 * @param drones by index, as {@link Sortie#droneIndex()} refers to them
 * @param swapS  time on the ground between two sorties of one drone
 */
public record FleetPlan(List<Sortie> sorties, List<SiteCoverage> coverages, List<UnassignedSite> unassigned,
                        List<PlannedDrone> drones, double swapS) {

    public FleetPlan {
        sorties = List.copyOf(Objects.requireNonNull(sorties, "sorties"));
        coverages = List.copyOf(Objects.requireNonNull(coverages, "coverages"));
        unassigned = List.copyOf(Objects.requireNonNull(unassigned, "unassigned"));
        drones = List.copyOf(Objects.requireNonNull(drones, "drones"));
        if (drones.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one drone");
        }
        if (!(swapS >= 0) || !Double.isFinite(swapS)) {
            throw new IllegalArgumentException("swapS must be >= 0, was " + swapS);
        }
        int count = drones.size();
        sorties.forEach(s -> {
            if (s.droneIndex() >= count) {
                throw new IllegalArgumentException("sortie of drone " + s.droneIndex() + " in a plan of " + count);
            }
        });
    }

    public PlannedDrone drone(int droneIndex) {
        return drones.get(droneIndex);
    }

    /** Where drone {@code droneIndex} takes off and lands. */
    public LatLon homeOf(int droneIndex) {
        return drones.get(droneIndex).base();
    }

    /** Every base of the plan by id, in the order of the drones. */
    public Map<String, LatLon> bases() {
        Map<String, LatLon> bases = new LinkedHashMap<>();
        drones.forEach(d -> bases.putIfAbsent(d.baseId(), d.base()));
        return bases;
    }

    /** The sorties of one drone, in flight order. */
    public List<Sortie> sortiesOf(int droneIndex) {
        return sorties.stream().filter(s -> s.droneIndex() == droneIndex).toList();
    }

    public double totalLengthM() {
        return sorties.stream().mapToDouble(Sortie::lengthM).sum();
    }

    /** Flight time of one drone over all its sorties (battery changes not counted). */
    public double durationS(int droneIndex) {
        return sortiesOf(droneIndex).stream().mapToDouble(Sortie::durationS).sum();
    }

    /** Time from one drone's first take-off to its last landing: its sorties and the battery changes between. */
    public double busyS(int droneIndex) {
        int n = sortiesOf(droneIndex).size();
        return n == 0 ? 0 : durationS(droneIndex) + (n - 1) * swapS;
    }

    /** Time until the last site is swept and the last drone has landed, battery changes included. */
    public double makespanS() {
        double max = 0;
        for (int d = 0; d < drones.size(); d++) {
            max = Math.max(max, busyS(d));
        }
        return max;
    }

    /** The drone (0-based) whose sorties sweep {@code siteId}, or -1. */
    public int droneOf(String siteId) {
        return sorties.stream().filter(s -> s.siteIds().contains(siteId)).mapToInt(Sortie::droneIndex)
                .findFirst().orElse(-1);
    }

    /** Number of drones with at least one sortie. */
    public long dronesUsed() {
        return sorties.stream().mapToInt(Sortie::droneIndex).distinct().count();
    }
}
