package org.winterwatch.missions;

import java.time.Duration;
import java.util.Objects;
import org.winterwatch.missions.allocation.SolverSettings;
import org.winterwatch.missions.fleet.ColdDerate;
import org.winterwatch.missions.fleet.Fleet;

/**
 * What a fleet plan is asked for beyond the sites: the fleet, the night's temperature and how the cold derates a
 * battery, the window the sweep must end within, and how long the solver may search.
 *
 * @param fleet        drones, bases, reserve, battery change
 * @param ambientTempC the night's temperature, °C
 * @param derate       how the cold derates a battery
 * @param windowS      every drone lands for the last time within this many seconds ({@link Double#POSITIVE_INFINITY}:
 *                     no window, everything within reach is swept)
 * @param solver       the solver's time limit and seed
 */
public record FleetRequest(Fleet fleet, double ambientTempC, ColdDerate derate, double windowS, SolverSettings solver) {

    /** Five seconds, as {@code plan --solver-time-s} has it by default. */
    public static final Duration DEFAULT_SOLVER_TIME = Duration.ofSeconds(5);

    public FleetRequest {
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(derate, "derate");
        Objects.requireNonNull(solver, "solver");
        if (!Double.isFinite(ambientTempC) || ambientTempC < -80 || ambientTempC > 60) {
            throw new IllegalArgumentException("ambient temperature must be within -80..60 °C, was " + ambientTempC);
        }
        if (!(windowS > 0)) {
            throw new IllegalArgumentException("the window must be longer than 0 s, was " + windowS);
        }
    }

    /** {@code fleet} on a mild night (no derating), no window, the simulator's curve, the default solver time. */
    public static FleetRequest of(Fleet fleet) {
        return new FleetRequest(fleet, ColdDerate.MILD_C, ColdDerate.SIMULATOR, Double.POSITIVE_INFINITY,
                SolverSettings.within(DEFAULT_SOLVER_TIME));
    }

    public FleetRequest at(double newAmbientTempC) {
        return new FleetRequest(fleet, newAmbientTempC, derate, windowS, solver);
    }

    public FleetRequest within(double newWindowS) {
        return new FleetRequest(fleet, ambientTempC, derate, newWindowS, solver);
    }

    public FleetRequest solvedWith(SolverSettings newSolver) {
        return new FleetRequest(fleet, ambientTempC, derate, windowS, newSolver);
    }
}
