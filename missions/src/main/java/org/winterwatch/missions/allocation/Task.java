package org.winterwatch.missions.allocation;

import java.util.Objects;

/**
 * One piece of work for the solver: a site's camera-on path, entered at one end and left at the other.
 *
 * <p>The solver decides who flies it, on which sortie and in what order; whether the path is flown
 * forwards or backwards is chosen afterwards, per sortie ({@link Orientation}).
 *
 * @param id       unique among the tasks of a problem (a site's id, or the site's id and a part number when
 *                 its sweep is cut over several batteries)
 * @param siteId   the site swept
 * @param priority 1 (low) to 5 (high): when not everything fits, higher priorities go first
 * @param entryM   first point of the path
 * @param exitM    last point of the path
 * @param pathM    length of the path, metres
 * @param dwellS   hover time on the path, seconds
 */
public record Task(String id, String siteId, int priority, PointM entryM, PointM exitM, double pathM, double dwellS) {

    public Task {
        if (id == null || id.isBlank() || siteId == null || siteId.isBlank()) {
            throw new IllegalArgumentException("a task needs an id and a site id");
        }
        if (priority < 1 || priority > 5) {
            throw new IllegalArgumentException("priority must be 1..5, was " + priority + " for task " + id);
        }
        Objects.requireNonNull(entryM, "entryM");
        Objects.requireNonNull(exitM, "exitM");
        if (!(pathM >= 0) || !Double.isFinite(pathM) || !(dwellS >= 0) || !Double.isFinite(dwellS)) {
            throw new IllegalArgumentException("pathM and dwellS must be finite and >= 0 for task " + id);
        }
    }

    /** Time to fly the path at {@code speedMps}, hovering included. */
    public double sweepS(double speedMps) {
        return pathM / speedMps + dwellS;
    }
}
