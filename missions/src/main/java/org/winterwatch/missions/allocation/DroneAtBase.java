package org.winterwatch.missions.allocation;

import java.util.Objects;

/**
 * One drone of the fleet as the solver sees it: where it takes off and lands, how fast it flies and how
 * long one battery lasts once derated for the cold and less its reserve.
 *
 * @param droneId  the drone
 * @param baseId   its base
 * @param baseM    the base's position
 * @param speedMps cruise and sweep ground speed
 * @param usableS  flight time of one sortie, take-off to landing (derated, reserve kept back)
 * @param climbS   time of one sortie spent climbing to the sweep altitude and descending again
 */
public record DroneAtBase(String droneId, String baseId, PointM baseM, double speedMps, double usableS, double climbS) {

    public DroneAtBase {
        if (droneId == null || droneId.isBlank() || baseId == null || baseId.isBlank()) {
            throw new IllegalArgumentException("a drone needs an id and a base id");
        }
        Objects.requireNonNull(baseM, "baseM");
        if (!(speedMps > 0) || !Double.isFinite(speedMps)) {
            throw new IllegalArgumentException("speedMps must be > 0, was " + speedMps + " for " + droneId);
        }
        if (!(climbS >= 0) || !(usableS > climbS) || !Double.isFinite(usableS)) {
            throw new IllegalArgumentException("usableS must exceed climbS >= 0, were " + usableS + " and " + climbS
                    + " for " + droneId);
        }
    }

    /** Horizontal flight time one sortie may use: the usable time less climb and descent. */
    public double flightBudgetS() {
        return usableS - climbS;
    }

    /**
     * Time from this drone's first take-off to its last landing: {@code sorties} sorties of {@code flightSumS}
     * horizontal flight in all, each with its climb and descent, and a battery change of {@code swapS} between two.
     */
    public double busyS(double flightSumS, int sorties, double swapS) {
        return sorties == 0 ? 0 : flightSumS + sorties * climbS + (sorties - 1) * swapS;
    }
}
