package org.winterwatch.missions;

import java.util.List;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.SiteCoverage;

/** The result of fleet planning: sorties per drone, the coverage path of every site, and what was left out. */
public record FleetPlan(List<Sortie> sorties, List<SiteCoverage> coverages, List<UnassignedSite> unassigned,
                        LatLon home) {

    public FleetPlan {
        sorties = List.copyOf(sorties);
        coverages = List.copyOf(coverages);
        unassigned = List.copyOf(unassigned);
    }

    public List<Sortie> sortiesOf(int droneIndex) {
        return sorties.stream().filter(s -> s.droneIndex() == droneIndex).toList();
    }

    public double totalLengthM() {
        return sorties.stream().mapToDouble(Sortie::lengthM).sum();
    }

    public double durationS(int droneIndex) {
        return sortiesOf(droneIndex).stream().mapToDouble(Sortie::durationS).sum();
    }

    /** The drone (0-based) whose sorties sweep {@code siteId}, or -1. */
    public int droneOf(String siteId) {
        return sorties.stream().filter(s -> s.siteIds().contains(siteId)).mapToInt(Sortie::droneIndex).findFirst().orElse(-1);
    }
}
