package org.winterwatch.coordinator.sweep;

import java.time.Duration;
import java.util.Objects;
import org.winterwatch.missions.FleetParameters;
import org.winterwatch.missions.FleetRequest;
import org.winterwatch.missions.fleet.Fleet;

/**
 * How sweeps are flown: what the fleet can do (altitude, speed, endurance, reserve), how long a drone may be out of
 * touch before its sites go to the others, the battery level in the air at which it is sent home, and, with a fleet
 * file, the bases and drones the routing solver shares the sites among, and how long it may search.
 *
 * @param fleetFile  the fleet file's bases and drones ({@code fleet:} in the config), or null: drones take off where
 *                   they stand and {@code fleet}'s speed and endurance hold for all of them
 * @param solverTime the routing solver's time limit for each sweep launched (fleet file only)
 */
public record SweepSettings(FleetParameters fleet, Duration linkTimeout, double criticalBatteryPercent, Fleet fleetFile,
                            Duration solverTime) {

    public static final Duration DEFAULT_LINK_TIMEOUT = Duration.ofSeconds(5);
    public static final double DEFAULT_CRITICAL_BATTERY_PERCENT = 20;
    /** As {@code plan --solver-time-s}: the search ends sooner on a small layer (it stops once it stops improving). */
    public static final Duration DEFAULT_SOLVER_TIME = FleetRequest.DEFAULT_SOLVER_TIME;
    /**
     * A launch answers once the sweep is planned, and the HTTP API gives a request 30 s: the solver's 20 at most leave
     * room for the coverage of a city-sized layer (about 3 s for 1,000 sites).
     */
    public static final Duration MAX_SOLVER_TIME = Duration.ofSeconds(20);

    public SweepSettings {
        Objects.requireNonNull(fleet, "fleet");
        new SortieWatch.Settings(linkTimeout, criticalBatteryPercent); // checks both
        Objects.requireNonNull(solverTime, "solverTime");
        if (solverTime.compareTo(Duration.ofMillis(100)) < 0 || solverTime.compareTo(MAX_SOLVER_TIME) > 0) {
            throw new IllegalArgumentException("solver_time_s must be within 0.1..20 seconds (a launch answers once"
                    + " its sweep is planned, within the API's 30 s), was " + solverTime.toMillis() / 1000.0);
        }
    }

    /** Without a fleet file. */
    public SweepSettings(FleetParameters fleet, Duration linkTimeout, double criticalBatteryPercent) {
        this(fleet, linkTimeout, criticalBatteryPercent, null, DEFAULT_SOLVER_TIME);
    }

    public static SweepSettings defaults() {
        return new SweepSettings(FleetParameters.defaults(), DEFAULT_LINK_TIMEOUT, DEFAULT_CRITICAL_BATTERY_PERCENT);
    }

    public SweepSettings withLinkTimeout(Duration timeout) {
        return new SweepSettings(fleet, timeout, criticalBatteryPercent, fleetFile, solverTime);
    }

    /**
     * The same settings with sites shared by the solver among {@code newFleetFile}'s drones from their bases (null:
     * none, drones take off where they stand).
     */
    public SweepSettings withFleet(Fleet newFleetFile) {
        return new SweepSettings(fleet, linkTimeout, criticalBatteryPercent, newFleetFile, solverTime);
    }

    public SweepSettings withSolverTime(Duration newSolverTime) {
        return new SweepSettings(fleet, linkTimeout, criticalBatteryPercent, fleetFile, newSolverTime);
    }

    SortieWatch.Settings watch() {
        return new SortieWatch.Settings(linkTimeout, criticalBatteryPercent);
    }
}
