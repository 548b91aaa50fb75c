package org.winterwatch.simulator.world;

/**
 * Wind over the whole simulated area: a steady part blowing <em>from</em> {@code fromDeg} (meteorological
 * convention, 0 = from the north) plus a deterministic gust that swings between 0 and {@code gustMps} with
 * a period of {@link #GUST_PERIOD_S}.
 */
public record Wind(double speedMps, double fromDeg, double gustMps) {

    public static final Wind CALM = new Wind(0, 0, 0);
    static final double GUST_PERIOD_S = 23;

    public Wind {
        if (!Double.isFinite(speedMps) || speedMps < 0 || speedMps > 40) {
            throw new IllegalArgumentException("wind speedMps must be within 0..40, was " + speedMps);
        }
        if (!Double.isFinite(fromDeg)) {
            throw new IllegalArgumentException("wind fromDeg must be a number of degrees");
        }
        fromDeg = ((fromDeg % 360) + 360) % 360;
        if (!Double.isFinite(gustMps) || gustMps < 0 || gustMps > 20) {
            throw new IllegalArgumentException("wind gustMps must be within 0..20, was " + gustMps);
        }
    }

    /** Wind speed at {@code tS} simulated seconds after the start. */
    public double speedAt(double tS) {
        return speedMps + gustMps * 0.5 * (1 - Math.cos(2 * Math.PI * tS / GUST_PERIOD_S));
    }

    /** North component of the air's motion (m/s) at {@code tS}; wind from the north blows southwards. */
    public double northMps(double tS) {
        return -speedAt(tS) * Math.cos(Math.toRadians(fromDeg));
    }

    /** East component of the air's motion (m/s) at {@code tS}. */
    public double eastMps(double tS) {
        return -speedAt(tS) * Math.sin(Math.toRadians(fromDeg));
    }
}
