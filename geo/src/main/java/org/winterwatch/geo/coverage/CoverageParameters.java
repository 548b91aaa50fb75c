package org.winterwatch.geo.coverage;

import java.util.Objects;

/**
 * How sites are swept: camera, flight altitude within its bounds, and how point sites are looked at.
 *
 * @param camera         the camera flown
 * @param altitudeM      height above take-off, within {@code altitudeBounds}
 * @param orbitRadiusM   radius of the circle flown around point sites; capped by the planner so that the
 *                       point itself stays within half a swath of the orbit
 * @param altitudeBounds the heights allowed (default 15..120 m)
 * @param pointSweep     orbit (default) or hover over point sites
 */
public record CoverageParameters(CameraModel camera, double altitudeM, double orbitRadiusM,
                                 AltitudeBounds altitudeBounds, PointSweep pointSweep) {

    public static final double MIN_ALTITUDE_M = 15;
    public static final double MAX_ALTITUDE_M = 120;

    public CoverageParameters {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(altitudeBounds, "altitudeBounds");
        Objects.requireNonNull(pointSweep, "pointSweep");
        if (!altitudeBounds.contains(altitudeM)) {
            throw new IllegalArgumentException("altitudeM must be within " + altitudeBounds.minM() + ".."
                    + altitudeBounds.maxM() + " m, was " + altitudeM);
        }
        if (!(orbitRadiusM > 0) || !Double.isFinite(orbitRadiusM)) {
            throw new IllegalArgumentException("orbitRadiusM must be > 0, was " + orbitRadiusM);
        }
    }

    /** Default bounds (15..120 m) and orbits around point sites. */
    public CoverageParameters(CameraModel camera, double altitudeM, double orbitRadiusM) {
        this(camera, altitudeM, orbitRadiusM, AltitudeBounds.defaults(), PointSweep.orbit());
    }

    /** Thermal default camera at 40 m, 25 m orbits. */
    public static CoverageParameters defaults() {
        return new CoverageParameters(CameraModel.thermalDefault(), 40, 25);
    }

    /** A copy flown at another altitude (within the same bounds). */
    public CoverageParameters withAltitudeM(double newAltitudeM) {
        return new CoverageParameters(camera, newAltitudeM, orbitRadiusM, altitudeBounds, pointSweep);
    }

    /** A copy that looks at point sites the other way. */
    public CoverageParameters withPointSweep(PointSweep newPointSweep) {
        return new CoverageParameters(camera, altitudeM, orbitRadiusM, altitudeBounds, newPointSweep);
    }

    public double swathWidthM() {
        return camera.swathWidthM(altitudeM);
    }

    /** Ground width of one thermal pixel at the flight altitude. */
    public double groundSampleDistanceM() {
        return camera.groundSampleDistanceM(altitudeM);
    }
}
