package org.winterwatch.missions.fleet;

/**
 * One drone of the fleet file.
 *
 * @param id           as the drone is known on the link and in plans
 * @param baseId       the base it flies from
 * @param enduranceMin flight time of one full battery at 15 °C and above, minutes
 * @param speedMps     cruise and sweep ground speed
 */
public record FleetDrone(String id, String baseId, double enduranceMin, double speedMps) {

    /** The highest cruise speed the planner accepts, as for {@code plan --speed-mps}. */
    public static final double MAX_SPEED_MPS = 40;

    public FleetDrone {
        if (id == null || id.isBlank() || baseId == null || baseId.isBlank()) {
            throw new IllegalArgumentException("a drone needs an id and a base");
        }
        if (!(enduranceMin > 0) || !Double.isFinite(enduranceMin)) {
            throw new IllegalArgumentException("enduranceMin must be > 0, was " + enduranceMin + " for " + id);
        }
        if (!(speedMps > 0 && speedMps <= MAX_SPEED_MPS)) {
            throw new IllegalArgumentException("speedMps must be within (0, 40], was " + speedMps + " for " + id);
        }
    }
}
