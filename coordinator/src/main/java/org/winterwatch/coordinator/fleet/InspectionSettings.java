package org.winterwatch.coordinator.fleet;

import java.util.Objects;
import org.winterwatch.drone.RoutePoint;
import org.winterwatch.geo.coverage.CameraModel;
import org.winterwatch.geo.coverage.CoverageParameters;
import org.winterwatch.missions.FleetParameters;

/**
 * Whether a tip may send a drone to look (a point inspection sortie), which drones may go, and how they fly.
 *
 * @param enabled           off: {@link FleetSupervisor#inspect} sends no drone and says so
 * @param minBatteryPercent a drone below this charge is not sent, 0..100 (default 50)
 * @param maxRangeM         a drone farther than this from the point, in a straight line from where it stands,
 *                          is not sent (default 3 km)
 * @param flight            altitude, orbit radius, camera and speed of the sortie, and the battery it may use:
 *                          {@code enduranceMin} of a full battery with {@code reserve} of it kept back
 */
public record InspectionSettings(boolean enabled, double minBatteryPercent, double maxRangeM, FleetParameters flight) {

    public static final double DEFAULT_MIN_BATTERY_PERCENT = 50;
    public static final double DEFAULT_MAX_RANGE_M = 3_000;
    /**
     * Transit and orbit height: above street furniture, trees and most buildings along the river, and high
     * enough that the nadir thermal camera (50° across, 20 % overlap) still sees the point from a 20 m orbit.
     */
    public static final double DEFAULT_ALTITUDE_M = 60;
    public static final double DEFAULT_ORBIT_RADIUS_M = 20;
    public static final double DEFAULT_SPEED_MPS = 10;

    public InspectionSettings {
        if (!(minBatteryPercent >= 0 && minBatteryPercent <= 100)) {
            throw new IllegalArgumentException("inspection minimum battery must be within 0..100 %, was " + minBatteryPercent);
        }
        if (!(maxRangeM > 0) || !Double.isFinite(maxRangeM)) {
            throw new IllegalArgumentException("inspection range must be a distance > 0 m, was " + maxRangeM);
        }
        Objects.requireNonNull(flight, "flight");
        if (flight.speedMps() > RoutePoint.MAX_SPEED_MPS) {
            throw new IllegalArgumentException("inspection speed must be at most " + RoutePoint.MAX_SPEED_MPS
                    + " m/s, was " + flight.speedMps());
        }
    }

    /** Switched off, with the default limits and flight: what a coordinator without inspection settings has. */
    public static InspectionSettings defaults() {
        return new InspectionSettings(false, DEFAULT_MIN_BATTERY_PERCENT, DEFAULT_MAX_RANGE_M, defaultFlight());
    }

    /** 60 m, 20 m orbit, thermal default camera, 10 m/s, 25-minute batteries with 20 % kept back. */
    public static FleetParameters defaultFlight() {
        return new FleetParameters(new CoverageParameters(CameraModel.thermalDefault(), DEFAULT_ALTITUDE_M,
                DEFAULT_ORBIT_RADIUS_M), DEFAULT_SPEED_MPS, 25, 0.2);
    }

    public InspectionSettings withEnabled(boolean on) {
        return new InspectionSettings(on, minBatteryPercent, maxRangeM, flight);
    }

    public InspectionSettings withMinBatteryPercent(double percent) {
        return new InspectionSettings(enabled, percent, maxRangeM, flight);
    }

    public InspectionSettings withMaxRangeM(double rangeM) {
        return new InspectionSettings(enabled, minBatteryPercent, rangeM, flight);
    }

    public InspectionSettings withFlight(FleetParameters newFlight) {
        return new InspectionSettings(enabled, minBatteryPercent, maxRangeM, newFlight);
    }
}
