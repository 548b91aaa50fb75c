package org.winterwatch.missions.fleet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.winterwatch.geo.LatLon;

/**
 * The drones, the bases they fly from, the battery share kept in reserve and the time a battery change takes
 * (CONTRACT §6, the fleet file).
 *
 * @param bases   ids unique, at least one
 * @param drones  ids unique, each at one of the bases, at least one
 * @param reserve share of every battery kept back for the way home and the unexpected, 0..0.9
 * @param swapMin minutes on the ground between two sorties of one drone
 */
public record Fleet(List<Base> bases, List<FleetDrone> drones, double reserve, double swapMin) {

    /** Reserve when the fleet file leaves it out, as {@code plan --reserve}. */
    public static final double DEFAULT_RESERVE = 0.2;
    /** Battery change when the fleet file leaves it out. */
    public static final double DEFAULT_SWAP_MIN = 5;

    public Fleet {
        bases = List.copyOf(Objects.requireNonNull(bases, "bases"));
        drones = List.copyOf(Objects.requireNonNull(drones, "drones"));
        if (bases.isEmpty() || drones.isEmpty()) {
            throw new IllegalArgumentException("a fleet needs at least one base and one drone");
        }
        Set<String> baseIds = new HashSet<>();
        bases.forEach(b -> {
            if (!baseIds.add(b.id())) {
                throw new IllegalArgumentException("duplicate base id " + b.id());
            }
        });
        Set<String> droneIds = new HashSet<>();
        drones.forEach(d -> {
            if (!droneIds.add(d.id())) {
                throw new IllegalArgumentException("duplicate drone id " + d.id());
            }
            if (!baseIds.contains(d.baseId())) {
                throw new IllegalArgumentException("drone " + d.id() + " is at unknown base " + d.baseId());
            }
        });
        if (!(reserve >= 0 && reserve <= 0.9)) {
            throw new IllegalArgumentException("reserve must be within 0..0.9, was " + reserve);
        }
        if (!(swapMin >= 0) || !Double.isFinite(swapMin)) {
            throw new IllegalArgumentException("swapMin must be >= 0, was " + swapMin);
        }
    }

    /**
     * The {@code plan --drones N --home LAT,LON} shorthand: one base {@code home}, drones {@code drone-1} to
     * {@code drone-N}, all alike.
     */
    public static Fleet oneBase(LatLon home, int drones, double enduranceMin, double speedMps, double reserve,
                                double swapMin) {
        if (drones < 1) {
            throw new IllegalArgumentException("drones must be at least 1, was " + drones);
        }
        List<FleetDrone> list = new ArrayList<>();
        for (int i = 1; i <= drones; i++) {
            list.add(new FleetDrone("drone-" + i, "home", enduranceMin, speedMps));
        }
        return new Fleet(List.of(new Base("home", home)), list, reserve, swapMin);
    }

    public Base base(String id) {
        return bases.stream().filter(b -> b.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no base " + id));
    }

    /**
     * Flight time one sortie of {@code drone} may use at {@code ambientTempC}: its endurance, derated for the cold
     * by {@code curve}, less the reserve.
     */
    public double usableS(FleetDrone drone, ColdDerate curve, double ambientTempC) {
        return drone.enduranceMin() * 60 * curve.factorAt(ambientTempC) * (1 - reserve);
    }

    public double swapS() {
        return swapMin * 60;
    }
}
