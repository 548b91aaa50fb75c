package org.winterwatch.coordinator.sweep;

import java.util.List;

/**
 * {@code POST /api/v1/sweeps}: which sites (null: every patrol site), which drones (null: every free drone), at what
 * altitude (null: the configured one).
 */
public record SweepRequest(List<String> siteIds, List<String> droneIds, Double altitudeM) {

    public SweepRequest {
        siteIds = siteIds == null ? null : List.copyOf(siteIds);
        droneIds = droneIds == null ? null : List.copyOf(droneIds);
    }

    public static SweepRequest everything() {
        return new SweepRequest(null, null, null);
    }
}
