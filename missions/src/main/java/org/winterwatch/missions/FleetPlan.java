package org.winterwatch.missions;

import java.util.List;
import java.util.Objects;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.SiteCoverage;

/**
 * The work of a fleet: sorties per drone, the coverage path of every assigned site, and the sites
 * left out with their reasons.
 */
public record FleetPlan(List<Sortie> sorties, List<SiteCoverage> coverages, List<UnassignedSite> unassigned,
                        LatLon home) {

    public FleetPlan {
        sorties = List.copyOf(Objects.requireNonNull(sorties, "sorties"));
        coverages = List.copyOf(Objects.requireNonNull(coverages, "coverages"));
        unassigned = List.copyOf(Objects.requireNonNull(unassigned, "unassigned"));
        Objects.requireNonNull(home, "home");
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
