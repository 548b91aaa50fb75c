package org.winterwatch.missions;

import org.winterwatch.geo.coverage.CoverageParameters;

/**
 * How the fleet flies: camera and altitude, cruise speed and battery limits.
 *
 * @param enduranceMin usable flight time per battery
 * @param reserve      battery fraction kept for the way home and the unexpected
 */
public record FleetParameters(CoverageParameters coverage, double speedMps, double enduranceMin, double reserve) {

    /** Climb and descent rate used for the time estimate. */
    static final double VERTICAL_SPEED_MPS = 3;

    public FleetParameters {
        if (coverage == null) {
            throw new IllegalArgumentException("coverage parameters are required");
        }
        if (!(speedMps > 0 && speedMps <= 30)) {
            throw new IllegalArgumentException("speed-mps must be within (0, 30], was " + speedMps);
        }
        if (!(enduranceMin > 0 && enduranceMin <= 600)) {
            throw new IllegalArgumentException("endurance-min must be within (0, 600], was " + enduranceMin);
        }
        if (!(reserve >= 0 && reserve < 1)) {
            throw new IllegalArgumentException("reserve must be within [0, 1), was " + reserve);
        }
    }

    public static FleetParameters defaults() {
        return new FleetParameters(CoverageParameters.defaults(), 10, 25, 0.2);
    }

    /** The flight time one sortie may take: endurance x (1 - reserve). */
    public double usableSortieS() {
        return enduranceMin * 60 * (1 - reserve);
    }

    /** Time for a horizontal distance plus one climb and one descent. */
    double durationS(double lengthM) {
        return lengthM / speedMps + 2 * coverage.altitudeM() / VERTICAL_SPEED_MPS;
    }
}
