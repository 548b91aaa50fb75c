package org.winterwatch.missions;

import java.util.Objects;
import org.winterwatch.geo.LatLon;

/**
 * A drone as a plan has it: its id, the base it takes off from and lands at, and the flight time one of its
 * sorties may use (derated for the cold, reserve kept back).
 */
public record PlannedDrone(String id, String baseId, LatLon base, double usableS) {

    public PlannedDrone {
        if (id == null || id.isBlank() || baseId == null || baseId.isBlank()) {
            throw new IllegalArgumentException("a planned drone needs an id and a base id");
        }
        Objects.requireNonNull(base, "base");
        if (!(usableS > 0) || !Double.isFinite(usableS)) {
            throw new IllegalArgumentException("usableS must be > 0, was " + usableS);
        }
    }
}
