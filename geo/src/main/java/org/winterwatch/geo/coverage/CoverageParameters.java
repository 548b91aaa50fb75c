package org.winterwatch.geo.coverage;

import java.util.Objects;

/**
 * How sites are swept: camera, flight altitude and orbit radius for point sites.
 *
 * @param camera       the camera flown
 * @param altitudeM    height above take-off, 15..120 m
 * @param orbitRadiusM radius of the circle flown around point sites; capped by the planner so that the
 *                     point itself stays within half a swath of the orbit
 */
public record CoverageParameters(CameraModel camera, double altitudeM, double orbitRadiusM) {

    public static final double MIN_ALTITUDE_M = 15;
    public static final double MAX_ALTITUDE_M = 120;

    public CoverageParameters {
        Objects.requireNonNull(camera, "camera");
        if (!(altitudeM >= MIN_ALTITUDE_M && altitudeM <= MAX_ALTITUDE_M)) {
            throw new IllegalArgumentException("altitudeM must be within " + MIN_ALTITUDE_M + ".." + MAX_ALTITUDE_M
                    + " m, was " + altitudeM);
        }
        if (!(orbitRadiusM > 0) || !Double.isFinite(orbitRadiusM)) {
            throw new IllegalArgumentException("orbitRadiusM must be > 0, was " + orbitRadiusM);
        }
    }

    /** Thermal default camera at 40 m, 25 m orbits. */
    public static CoverageParameters defaults() {
        return new CoverageParameters(CameraModel.thermalDefault(), 40, 25);
    }

    /** A copy flown at another altitude. */
    public CoverageParameters withAltitudeM(double newAltitudeM) {
        return new CoverageParameters(camera, newAltitudeM, orbitRadiusM);
    }

    public double swathWidthM() {
        return camera.swathWidthM(altitudeM);
    }
}
