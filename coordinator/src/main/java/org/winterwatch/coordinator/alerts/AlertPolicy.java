package org.winterwatch.coordinator.alerts;

import java.time.Duration;

/**
 * The tunable numbers of alert folding and routing.
 *
 * @param mergeRadiusM a detection this close to an active alert updates it (CONTRACT §4, default 30)
 * @param mergeWindow  ... and only within this time of the alert's lastSeen (default 15 min)
 * @param siteRadiusM  an alert belongs to the nearest patrol site within this distance
 * @param defaultTeam  team for alerts at no site and at sites without a team, so no alert goes to nobody
 */
public record AlertPolicy(double mergeRadiusM, Duration mergeWindow, double siteRadiusM, String defaultTeam) {

    public AlertPolicy {
        if (!(mergeRadiusM > 0)) {
            throw new IllegalArgumentException("merge_radius_m must be positive, was " + mergeRadiusM);
        }
        if (mergeWindow == null || mergeWindow.isNegative() || mergeWindow.isZero()) {
            throw new IllegalArgumentException("merge_window must be a positive duration");
        }
        if (!(siteRadiusM >= 0)) {
            throw new IllegalArgumentException("site radius must not be negative, was " + siteRadiusM);
        }
        if (defaultTeam == null || defaultTeam.isBlank() || defaultTeam.contains("/") || defaultTeam.contains("+")
                || defaultTeam.contains("#")) {
            throw new IllegalArgumentException("default team must be a non-empty topic level, was '" + defaultTeam + "'");
        }
    }

    public static AlertPolicy defaults() {
        return new AlertPolicy(30, Duration.ofMinutes(15), 60, "control-room");
    }
}
