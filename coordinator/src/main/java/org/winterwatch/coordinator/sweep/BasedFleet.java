package org.winterwatch.coordinator.sweep;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.winterwatch.drone.DroneState;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.missions.FleetParameters;
import org.winterwatch.missions.FleetPlan;
import org.winterwatch.missions.FleetPlanner;
import org.winterwatch.missions.FleetRequest;
import org.winterwatch.missions.PlanProgress;
import org.winterwatch.missions.Sortie;
import org.winterwatch.missions.UnassignedSite;
import org.winterwatch.missions.allocation.SolverSettings;
import org.winterwatch.missions.fleet.ColdDerate;
import org.winterwatch.missions.fleet.Fleet;
import org.winterwatch.missions.fleet.FleetDrone;

/**
 * Sweeps over the bases of a fleet file ({@code serve}'s {@code fleet:}): the routing solver shares the sites among
 * the sweep's drones, each from its own base on its own battery; a dropped drone's sites go to the drone whose base is
 * nearest; each drone's sorties are planned on its own endurance and speed.
 */
final class BasedFleet {

    /** How far from its base a drone may stand and still be planned from that base (GPS error, a landing pad's size). */
    static final double BASE_TOLERANCE_M = 250;

    private final Fleet fleet;
    private final Duration solverTime;

    BasedFleet(Fleet fleet, Duration solverTime) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.solverTime = Objects.requireNonNull(solverTime, "solverTime");
    }

    Fleet fleet() {
        return fleet;
    }

    Optional<FleetDrone> drone(String droneId) {
        return fleet.drones().stream().filter(d -> d.id().equals(droneId)).findFirst();
    }

    /** The drone's own speed and endurance (derated by {@code factor}) at {@code common}'s altitude and camera. */
    FleetParameters parametersOf(String droneId, FleetParameters common, double factor) {
        return drone(droneId).map(d -> new FleetParameters(common.coverage(), d.speedMps(), d.enduranceMin() * factor,
                fleet.reserve())).orElse(common);
    }

    /** Why the drone cannot be planned from its base: it stands too far from it; empty when it stands there. */
    Optional<String> awayFromBase(DroneState state) {
        Optional<FleetDrone> drone = drone(state.droneId());
        if (drone.isEmpty()) {
            return Optional.of("not in the fleet file");
        }
        LatLon base = fleet.base(drone.get().baseId()).position();
        double offM = base.distanceM(new LatLon(state.lat(), state.lon()));
        if (offM <= BASE_TOLERANCE_M) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "stands %.0f m from its base '%s' in the fleet file (at most %.0f m):"
                + " land it there or correct the file", offM, drone.get().baseId(), BASE_TOLERANCE_M));
    }

    /**
     * The solver's answer to who sweeps which site: {@code droneIds} from their bases, batteries derated by
     * {@code cold} at {@code ambientTempC}, the last landing as early as it can be. Takes up to the solver's time.
     *
     * @throws IllegalArgumentException when the fleet cannot fly at all in this cold
     */
    SweepPlanning.Assignment solve(SiteLayer layer, List<String> siteIds, List<String> droneIds, FleetParameters common,
                                   double ambientTempC, ColdDerate cold) {
        List<FleetDrone> chosen = droneIds.stream().map(id -> drone(id).orElseThrow(
                () -> new IllegalArgumentException("drone " + id + " is not in the fleet file"))).toList();
        Fleet sweepFleet = new Fleet(fleet.bases(), chosen, fleet.reserve(), fleet.swapMin());
        FleetRequest request = new FleetRequest(sweepFleet, ambientTempC, cold, Double.POSITIVE_INFINITY,
                SolverSettings.within(solverTime));
        FleetPlan plan = new FleetPlanner(common).plan(layer, siteIds, request, PlanProgress.NONE);
        Map<String, String> droneOf = new LinkedHashMap<>();
        for (Sortie sortie : plan.sorties()) {
            for (String site : sortie.siteIds()) {
                droneOf.putIfAbsent(site, plan.drone(sortie.droneIndex()).id());
            }
        }
        Map<String, String> skipped = new LinkedHashMap<>();
        for (UnassignedSite u : plan.unassigned()) {
            if (!droneOf.containsKey(u.siteId())) {
                skipped.put(u.siteId(), u.reason());
            }
        }
        return new SweepPlanning.Assignment(droneOf, skipped);
    }

    /**
     * Each of {@code siteIds} to the drone among {@code toDrones} whose base is nearest to it (ties: the one with
     * fewer sites handed over so far). Quick, so that a drone lost in the air never waits on a solver to lose its
     * sites; the drone's next sortie is planned from its base as ever.
     */
    Map<String, String> handOver(SiteLayer layer, List<String> siteIds, List<String> toDrones) {
        Map<String, String> to = new LinkedHashMap<>();
        if (toDrones.isEmpty()) {
            return to;
        }
        Map<String, Integer> load = new LinkedHashMap<>();
        toDrones.forEach(d -> load.put(d, 0));
        for (String siteId : siteIds) {
            Optional<Site> site = layer.byId(siteId);
            if (site.isEmpty()) {
                continue;
            }
            LatLon anchor = site.get().anchor();
            String nearest = toDrones.stream().min(Comparator.<String>comparingDouble(d -> baseOf(d)
                            .map(b -> Math.round(b.distanceM(anchor) / 10.0)).orElse(Long.MAX_VALUE))
                    .thenComparing(load::get)).orElseThrow();
            to.put(siteId, nearest);
            load.merge(nearest, 1, Integer::sum);
        }
        return to;
    }

    private Optional<LatLon> baseOf(String droneId) {
        return drone(droneId).map(d -> fleet.base(d.baseId()).position());
    }
}
