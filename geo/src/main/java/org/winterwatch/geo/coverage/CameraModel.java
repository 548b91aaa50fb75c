package org.winterwatch.geo.coverage;

/**
 * A nadir-pointing camera: how much ground it sees from a given height.
 *
 * @param hfovDeg     horizontal field of view, across the flight direction
 * @param vfovDeg     vertical field of view, along the flight direction
 * @param widthPx     image width in pixels
 * @param heightPx    image height in pixels
 * @param sideOverlap fraction of the footprint shared by neighbouring passes, 0..0.9
 */
public record CameraModel(double hfovDeg, double vfovDeg, int widthPx, int heightPx, double sideOverlap) {

    public CameraModel {
        if (!(hfovDeg > 0 && hfovDeg < 180) || !(vfovDeg > 0 && vfovDeg < 180)) {
            throw new IllegalArgumentException("fields of view must be within (0, 180) degrees, were "
                    + hfovDeg + " x " + vfovDeg);
        }
        if (widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException("image size must be positive, was " + widthPx + " x " + heightPx);
        }
        if (!(sideOverlap >= 0 && sideOverlap <= 0.9)) {
            throw new IllegalArgumentException("sideOverlap must be within 0..0.9, was " + sideOverlap);
        }
    }

    /** A typical radiometric thermal core: 640 x 512 px, 50 x 40 degrees, 20 % side overlap. */
    public static CameraModel thermalDefault() {
        return new CameraModel(50, 40, 640, 512, 0.2);
    }

    /** Ground width seen across the flight direction from {@code altitudeM} above flat ground. */
    public double footprintWidthM(double altitudeM) {
        requirePositive(altitudeM);
        return 2 * altitudeM * Math.tan(Math.toRadians(hfovDeg / 2));
    }

    /** Ground width each pass adds once overlap is taken off: the spacing between passes. */
    public double swathWidthM(double altitudeM) {
        return footprintWidthM(altitudeM) * (1 - sideOverlap);
    }

    /** Ground length seen along the flight direction from {@code altitudeM} above flat ground. */
    public double footprintLengthM(double altitudeM) {
        requirePositive(altitudeM);
        return 2 * altitudeM * Math.tan(Math.toRadians(vfovDeg / 2));
    }

    /**
     * The altitude at which one pixel spans {@code gsdM} metres of ground: how low to fly so that a
     * person (about 0.5 m across) covers enough pixels to be told from a warm vent.
     */
    public double altitudeForGroundSampleDistanceM(double gsdM) {
        if (!(gsdM > 0) || !Double.isFinite(gsdM)) {
            throw new IllegalArgumentException("gsdM must be > 0, was " + gsdM);
        }
        return gsdM * widthPx / (2 * Math.tan(Math.toRadians(hfovDeg / 2)));
    }

    /** Ground width of one pixel at {@code altitudeM}. */
    public double groundSampleDistanceM(double altitudeM) {
        return footprintWidthM(altitudeM) / widthPx;
    }

    private static void requirePositive(double altitudeM) {
        if (!(altitudeM > 0)) {
            throw new IllegalArgumentException("altitudeM must be > 0, was " + altitudeM);
        }
    }
}
