package org.winterwatch.coordinator.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.winterwatch.coordinator.fleet.FleetSupervisor;
import org.winterwatch.drone.Autopilot;
import org.winterwatch.drone.DroneState;
import org.winterwatch.drone.MissionNumbering;
import org.winterwatch.drone.RoutePoint;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.missions.FleetParameters;
import org.winterwatch.missions.FleetPlan;
import org.winterwatch.missions.FleetPlanner;
import org.winterwatch.missions.Sortie;
import org.winterwatch.missions.UnassignedSite;
import org.winterwatch.missions.Waypoint;
import org.winterwatch.missions.fleet.ColdDerate;
import org.winterwatch.missions.sweep.SortieFlight;

/**
 * Who sweeps which site, and the route of a drone's next sortie, from the fleet planner. Plans at sweep launch
 * (sites shared among the sweep's drones), when a drone drops out (its sites shared among the others), and each
 * time a drone is ready to take off (its next sortie from where it stands, over the sites still waiting for it).
 */
final class SweepPlanning {

    /** Sites shared among drones, and the sites nobody can sweep with the reason. */
    record Assignment(Map<String, String> droneOf, Map<String, String> skipped) {
    }

    /**
     * A drone's next sortie: its route, the sites it sweeps to their end, what the vehicle reports progress on,
     * and sites it cannot fly from where it stands.
     */
    record NextSortie(List<RoutePoint> route, List<String> siteIds, SortieFlight flight, Map<String, String> unflyable) {
    }

    private final SiteLayer layer;
    /** The fleet as configured: rated endurance, the configured altitude. */
    private final FleetParameters rated;
    /** The weather in force, read whenever a sortie or a share is planned. */
    private final DoubleSupplier ambientTempC;
    private final ColdDerate cold;
    /** What this planning plans with: its altitude, and the endurance derated for the cold when it was made. */
    private final FleetParameters fleet;
    /** The fleet file's bases and drones, or null: drones take off where they stand, sites shared around them. */
    private final BasedFleet based;
    private final double derateFactor;

    /**
     * @param ambientTempC the temperature in force (the weather the control room set); each planning derates the rated
     *                     endurance by {@code cold} at it, so a sortie planned at −20 °C is a quarter shorter
     */
    SweepPlanning(SiteLayer layer, FleetParameters rated, DoubleSupplier ambientTempC, ColdDerate cold) {
        this(layer, rated, ambientTempC, cold, null);
    }

    /** @param based the fleet file's bases and drones, or null (drones take off where they stand) */
    SweepPlanning(SiteLayer layer, FleetParameters rated, DoubleSupplier ambientTempC, ColdDerate cold,
                  BasedFleet based) {
        this(layer, rated, ambientTempC, cold, based, rated.coverage().altitudeM());
    }

    private SweepPlanning(SiteLayer layer, FleetParameters rated, DoubleSupplier ambientTempC, ColdDerate cold,
                          BasedFleet based, double altitudeM) {
        this.layer = Objects.requireNonNull(layer, "layer");
        this.rated = Objects.requireNonNull(rated, "rated");
        this.ambientTempC = Objects.requireNonNull(ambientTempC, "ambientTempC");
        this.cold = Objects.requireNonNull(cold, "cold");
        this.based = based;
        this.derateFactor = cold.factorAt(ambientTempC.getAsDouble());
        this.fleet = new FleetParameters(rated.coverage().withAltitudeM(altitudeM), rated.speedMps(),
                rated.enduranceMin() * derateFactor, rated.reserve());
    }

    SiteLayer layer() {
        return layer;
    }

    /** The same planning at another sweep altitude. */
    SweepPlanning atAltitude(double altitudeM) {
        return new SweepPlanning(layer, rated, ambientTempC, cold, based, altitudeM);
    }

    /** Seconds of flight one sortie may plan for, reserve kept, in the cold this planning was made for. */
    double usableSortieS() {
        return fleet.usableSortieS();
    }

    /** As {@link #usableSortieS()} for one drone: with a fleet file, on its own battery. */
    double usableSortieS(String droneId) {
        return parametersOf(droneId).usableSortieS();
    }

    /** True when sweeps are shared by the solver from the fleet file's bases, which takes up to its time limit. */
    boolean solves() {
        return based != null;
    }

    /** Why the drone cannot be planned from its base in the fleet file; empty without a fleet file. */
    Optional<String> awayFromBase(DroneState state) {
        return based == null ? Optional.empty() : based.awayFromBase(state);
    }

    /**
     * Shares {@code siteIds} (null: every patrol site) among {@code droneIds} from their bases in the fleet file, by
     * the routing solver: may take up to its time limit, so never call it on a thread that must stay responsive.
     */
    Assignment solve(List<String> siteIds, List<String> droneIds) {
        if (based == null) {
            throw new IllegalStateException("no fleet file: share the sites around the drones instead");
        }
        return based.solve(layer, siteIds, droneIds, fleet, ambientTempC.getAsDouble(), cold);
    }

    /**
     * A dropped drone's {@code siteIds} to the {@code others}: with a fleet file each to the drone of the nearest
     * base, else shared around where the others stand ({@code placed}).
     */
    Map<String, String> handOver(List<String> siteIds, List<String> others, List<DroneState> placed) {
        if (siteIds.isEmpty()) {
            return Map.of();
        }
        if (based != null) {
            return based.handOver(layer, siteIds, others);
        }
        if (placed.isEmpty()) {
            return Map.of();
        }
        return share(siteIds, placed.stream().map(DroneState::droneId).toList(), SweepLaunch.centroid(placed)).droneOf();
    }

    private FleetParameters parametersOf(String droneId) {
        return based == null ? fleet : based.parametersOf(droneId, fleet, derateFactor);
    }

    double altitudeM() {
        return fleet.coverage().altitudeM();
    }

    double minAltitudeM() {
        return fleet.coverage().altitudeBounds().minM();
    }

    double maxAltitudeM() {
        return fleet.coverage().altitudeBounds().maxM();
    }

    /** Shares {@code siteIds} (null: every patrol site) among {@code droneIds} taking off around {@code home}. */
    Assignment share(List<String> siteIds, List<String> droneIds, LatLon home) {
        FleetPlan plan = new FleetPlanner(fleet).plan(layer, siteIds, droneIds.size(), home);
        Map<String, String> droneOf = new LinkedHashMap<>();
        for (Sortie sortie : plan.sorties()) {
            for (String site : sortie.siteIds()) {
                droneOf.putIfAbsent(site, droneIds.get(sortie.droneIndex()));
            }
        }
        Map<String, String> skipped = new LinkedHashMap<>();
        for (UnassignedSite u : plan.unassigned()) {
            droneOf.remove(u.siteId());
            skipped.put(u.siteId(), u.reason());
        }
        return new Assignment(droneOf, skipped);
    }

    /**
     * The first sortie over {@code waiting} from {@code home}: the sites it sweeps to their end, in flight order. A
     * site so large that one battery sweeps only part of it is never counted swept by halves: it is reported as
     * unflyable, as are sites the planner cannot reach from there.
     */
    NextSortie next(String droneId, List<String> waiting, LatLon home, Autopilot autopilot) {
        FleetPlan plan = new FleetPlanner(parametersOf(droneId)).plan(layer, waiting, 1, home);
        Map<String, String> unflyable = new LinkedHashMap<>();
        plan.unassigned().forEach(u -> unflyable.put(u.siteId(), u.reason()));
        Map<String, Integer> sortiesOfSite = new HashMap<>();
        plan.sorties().forEach(s -> s.siteIds().forEach(id -> sortiesOfSite.merge(id, 1, Integer::sum)));
        sortiesOfSite.forEach((id, n) -> {
            if (n > 1) {
                unflyable.put(id, "needs " + n + " batteries: a sweep flies whole sites only; plan it with `plan` and fly it on its own");
            }
        });
        if (plan.sorties().isEmpty()) {
            return new NextSortie(List.of(), List.of(), null, unflyable);
        }
        Sortie first = plan.sorties().get(0);
        List<RoutePoint> route = first.waypoints().stream().map(FleetSupervisor::toRoutePoint).toList();
        MissionNumbering numbering = MissionNumbering.of(autopilot, route);
        Map<String, Integer> ends = new LinkedHashMap<>();
        List<Waypoint> points = first.waypoints();
        for (int i = 0; i < points.size(); i++) {
            String site = points.get(i).siteId();
            if (site != null && !unflyable.containsKey(site)) {
                ends.put(site, numbering.itemAfter(i));
            }
        }
        List<String> sites = new ArrayList<>(ends.keySet());
        return new NextSortie(route, sites, new SortieFlight(numbering.total(), ends), unflyable);
    }
}
