package org.winterwatch.missions.sweep;

/**
 * What a relief centre reports of its drones for a period.
 *
 * @param sweeps        sweeps launched
 * @param sortiesFlown  sorties that took off
 * @param flightSeconds their time from take-off to landing (a sortie still out counts up to the period's end)
 * @param sitesSwept    sites whose sweep path was flown to its end
 */
public record SweepFigures(long sweeps, long sortiesFlown, double flightSeconds, long sitesSwept) {
}
