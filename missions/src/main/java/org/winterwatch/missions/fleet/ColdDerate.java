package org.winterwatch.missions.fleet;

/**
 * How much of its rated capacity a battery gives in the cold: all of it at {@code referenceC} and above, then
 * {@code lossPerDegree} less for every degree below, never less than {@code floor}.
 *
 * <p>The default is the simulator's battery model ({@code SimDrone.capacityFactor}): a LiPo loses about 0.75 % of
 * its capacity per degree below 15 °C (three quarters left at −18 °C), and is never counted below half.
 *
 * @param referenceC    temperature at and above which the battery gives its full capacity
 * @param lossPerDegree share of capacity lost per degree below {@code referenceC}, 0..1
 * @param floor         least share ever counted on, (0, 1]
 */
public record ColdDerate(double referenceC, double lossPerDegree, double floor) {

    /** The simulator's curve: {@code max(0.5, min(1, 1 − 0.0075 × (15 − T)))}. */
    public static final ColdDerate SIMULATOR = new ColdDerate(15, 0.0075, 0.5);

    /** The temperature at which the default curve gives the full capacity: planning without derating. */
    public static final double MILD_C = 15;

    public ColdDerate {
        if (!Double.isFinite(referenceC) || referenceC < -80 || referenceC > 60) {
            throw new IllegalArgumentException("referenceC must be within -80..60, was " + referenceC);
        }
        if (!(lossPerDegree >= 0 && lossPerDegree <= 1)) {
            throw new IllegalArgumentException("lossPerDegree must be within 0..1, was " + lossPerDegree);
        }
        if (!(floor > 0 && floor <= 1)) {
            throw new IllegalArgumentException("floor must be within (0, 1], was " + floor);
        }
    }

    /** Share of the rated capacity the battery gives at {@code ambientTempC}. */
    public double factorAt(double ambientTempC) {
        if (!Double.isFinite(ambientTempC)) {
            throw new IllegalArgumentException("ambientTempC must be a number, was " + ambientTempC);
        }
        return Math.max(floor, Math.min(1, 1 - lossPerDegree * (referenceC - ambientTempC)));
    }
}
