package org.winterwatch.missions.allocation;

/** A position in metres in the planner's local projection (never degrees). */
public record PointM(double xM, double yM) {

    public PointM {
        if (!Double.isFinite(xM) || !Double.isFinite(yM)) {
            throw new IllegalArgumentException("a point needs finite metres, was " + xM + ", " + yM);
        }
    }

    /** Straight-line distance in metres. */
    public double distanceM(PointM other) {
        return Math.hypot(other.xM - xM, other.yM - yM);
    }
}
