package org.winterwatch.missions.sweep;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where sweeps are kept: every sweep with its sites and sorties, and every transition, for the record and the figures. */
public interface SweepRepository {

    /** Stores the sweep as it is now and appends {@code transitions}, in one transaction. */
    void save(Sweep sweep, List<Transition> transitions) throws SQLException;

    Optional<Sweep> find(String sweepId) throws SQLException;

    /** The latest sweeps, most recently created first. */
    List<Sweep> recent(int limit) throws SQLException;

    /** Sweeps still planned or flying, oldest first: what a restarted coordinator takes up again. */
    List<Sweep> open() throws SQLException;

    /** The sweep's transitions in the order they were recorded. */
    List<Transition> transitions(String sweepId) throws SQLException;

    /** When each site was last swept to the end of its path, by site id (sites never swept are absent). */
    Map<String, Instant> lastSwept() throws SQLException;

    /** How many sweeps are in each state, every state listed (zero when none is). */
    Map<SweepState, Long> countByState() throws SQLException;

    /** A night's figures: sweeps launched, sorties flown, flight time and sites swept within {@code [from, to)}. */
    SweepFigures figures(Instant from, Instant to) throws SQLException;
}
