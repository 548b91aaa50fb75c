package org.winterwatch.coordinator.sweep;

/** What a drone is doing for a sweep: which sweep and sortie, and how many of its sites it has swept. */
public record DroneProgress(String sweepId, Integer sortie, int sitesDone, int sitesAssigned) {
}
