package org.winterwatch.missions;

/**
 * Told how far a {@link FleetPlanner} has come: called once per site planned, possibly from several threads at once
 * (sites are planned in parallel), so an implementation must be thread-safe and quick.
 */
@FunctionalInterface
public interface PlanProgress {

    /** Nobody listens. */
    PlanProgress NONE = (planned, total) -> { };

    /** {@code planned} of {@code total} sites have their coverage planned. */
    void sitesPlanned(int planned, int total);
}
