package org.winterwatch.geo.coverage;

import java.util.Objects;

/**
 * How a point site (an entrance, an ATM lobby) is looked at: an orbit around it, or a hover above it.
 *
 * @param mode   orbit or hover
 * @param hoverS seconds spent above the point when hovering; 0 for orbits
 */
public record PointSweep(Mode mode, double hoverS) {

    /** The two ways of looking at a point. */
    public enum Mode { ORBIT, HOVER }

    public PointSweep {
        Objects.requireNonNull(mode, "mode");
        if (!Double.isFinite(hoverS) || hoverS < 0 || hoverS > 600) {
            throw new IllegalArgumentException("hoverS must be within 0..600 s, was " + hoverS);
        }
        if (mode == Mode.ORBIT && hoverS != 0) {
            throw new IllegalArgumentException("an orbit has no hover time, was " + hoverS);
        }
    }

    /** A circle around the point, the point kept in view (the default: it sees the entrance from every side). */
    public static PointSweep orbit() {
        return new PointSweep(Mode.ORBIT, 0);
    }

    /** Hover straight above the point for {@code seconds}. */
    public static PointSweep hover(double seconds) {
        return new PointSweep(Mode.HOVER, seconds);
    }

    public boolean isHover() {
        return mode == Mode.HOVER;
    }
}
