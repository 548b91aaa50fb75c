package org.winterwatch.coordinator.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A place where someone may be out in the cold, as the ground team sees it (CONTRACT §4).
 *
 * <p>Every change produces a new value with {@code version} one higher; consumers de-duplicate by
 * {@code alertId} + {@code version}.
 */
public record Alert(String alertId, AlertState state, Priority priority, String siteId, String siteName,
                    String category, double lat, double lon, List<String> detectionIds, Instant firstSeen,
                    Instant lastSeen, Double ambientTempC, String teamId, long version, Instant updatedAt,
                    double confidence, List<String> reasons) {

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(teamId, "teamId");
        detectionIds = List.copyOf(detectionIds);
        reasons = List.copyOf(reasons);
        if (detectionIds.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one detection");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, was " + version);
        }
    }
}
