package org.winterwatch.geo.coverage;

/**
 * The heights above ground a sweep may be flown at: low enough for the thermal camera to tell a person
 * from a warm vent, high enough to clear trees and lamp posts and to stay within the airspace rules.
 *
 * @param minM lowest allowed altitude, metres above take-off, at least 1
 * @param maxM highest allowed altitude, metres above take-off
 */
public record AltitudeBounds(double minM, double maxM) {

    public AltitudeBounds {
        if (!(minM >= 1) || !Double.isFinite(maxM) || !(maxM >= minM)) {
            throw new IllegalArgumentException("altitude bounds must satisfy 1 <= min <= max, were " + minM + ".." + maxM);
        }
    }

    /** 15..120 m: the usual open-category ceiling, and the lowest height that clears street furniture. */
    public static AltitudeBounds defaults() {
        return new AltitudeBounds(CoverageParameters.MIN_ALTITUDE_M, CoverageParameters.MAX_ALTITUDE_M);
    }

    public boolean contains(double altitudeM) {
        return altitudeM >= minM && altitudeM <= maxM;
    }
}
