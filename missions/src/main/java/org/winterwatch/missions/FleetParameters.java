package org.winterwatch.missions;

import java.util.Objects;
import org.winterwatch.geo.coverage.CoverageParameters;

/**
 * What the fleet can do: how sites are swept, how fast drones fly and how long a battery lasts.
 *
 * @param coverage     camera and altitude for sweeps
 * @param speedMps     cruise and sweep ground speed
 * @param enduranceMin flight time of one full battery, in minutes
 * @param reserve      fraction of the battery kept back for the way home and the unexpected, 0..0.9
 */
public record FleetParameters(CoverageParameters coverage, double speedMps, double enduranceMin, double reserve) {

    /** Climb and descent rate assumed for take-off and landing. */
    public static final double VERTICAL_SPEED_MPS = 3;

    public FleetParameters {
        Objects.requireNonNull(coverage, "coverage");
        if (!(speedMps > 0 && speedMps <= 40)) {
            throw new IllegalArgumentException("speedMps must be within (0, 40], was " + speedMps);
        }
        if (!(enduranceMin > 0) || !Double.isFinite(enduranceMin)) {
            throw new IllegalArgumentException("enduranceMin must be > 0, was " + enduranceMin);
        }
        if (!(reserve >= 0 && reserve <= 0.9)) {
            throw new IllegalArgumentException("reserve must be within 0..0.9, was " + reserve);
        }
    }

    /** Default coverage, 10 m/s, 25 minutes, 20 % reserve. */
    public static FleetParameters defaults() {
        return new FleetParameters(CoverageParameters.defaults(), 10, 25, 0.2);
    }

    /** Flight time one sortie may use: endurance less the reserve. */
    public double usableSortieS() {
        return enduranceMin * 60 * (1 - reserve);
    }

    /** Time spent climbing to the sweep altitude and descending again on every sortie. */
    public double verticalS() {
        return 2 * coverage.altitudeM() / VERTICAL_SPEED_MPS;
    }

    /** Estimated flight time of a sortie with {@code lengthM} horizontal metres: flying plus climb and descent. */
    double durationS(double lengthM) {
        return lengthM / speedMps + verticalS();
    }
}
