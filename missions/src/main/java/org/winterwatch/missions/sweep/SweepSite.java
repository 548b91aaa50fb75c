package org.winterwatch.missions.sweep;

import java.time.Instant;
import java.util.Objects;

/**
 * One site of a sweep.
 *
 * @param droneId the drone it is assigned to, or that swept it; null while pending or when skipped unassigned
 * @param sweptAt when its sweep path was flown to its end, null before
 * @param reason  why it was skipped or handed to another drone, null otherwise
 */
public record SweepSite(String siteId, SiteState state, String droneId, Instant sweptAt, String reason) {

    public SweepSite {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(state, "state");
    }

    SweepSite with(SiteState newState, String newDrone, Instant newSweptAt, String newReason) {
        return new SweepSite(siteId, newState, newDrone, newSweptAt, newReason);
    }
}
