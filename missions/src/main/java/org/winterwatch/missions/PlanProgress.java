package org.winterwatch.missions;

/**
 * Told how far a {@link FleetPlanner} has come: called once per site planned, possibly from several threads at once
 * (sites are planned in parallel), so an implementation must be thread-safe and quick; and once the solver is done.
 */
@FunctionalInterface
public interface PlanProgress {

    /** Nobody listens. */
    PlanProgress NONE = (planned, total) -> { };

    /** {@code planned} of {@code total} sites have their coverage planned. */
    void sitesPlanned(int planned, int total);

    /** The solver has shared the sites among the drones, searching {@code searchMs} over {@code iterations}. */
    default void solved(long searchMs, int iterations) {
    }
}
