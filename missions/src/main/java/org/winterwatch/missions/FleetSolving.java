package org.winterwatch.missions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.CoverageParameters;
import org.winterwatch.geo.coverage.CoveragePlanner;
import org.winterwatch.geo.coverage.SiteCoverage;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.geo.transit.SafeTransit;
import org.winterwatch.missions.allocation.AllocatedSortie;
import org.winterwatch.missions.allocation.Allocation;
import org.winterwatch.missions.allocation.AllocationProblem;
import org.winterwatch.missions.allocation.DroneAtBase;
import org.winterwatch.missions.allocation.PointM;
import org.winterwatch.missions.allocation.Refusal;
import org.winterwatch.missions.allocation.SortieSolver;
import org.winterwatch.missions.allocation.Task;
import org.winterwatch.missions.allocation.Travel;
import org.winterwatch.missions.allocation.Visit;
import org.winterwatch.missions.fleet.Base;
import org.winterwatch.missions.fleet.Fleet;
import org.winterwatch.missions.fleet.FleetDrone;

/**
 * A fleet plan by the solver: coverage per site ({@link SiteCoverages}), each site one task for the solver (a sweep
 * too long for any battery cut into parts, {@link SweepParts}), the solver's allocation ({@link SortieSolver}) with
 * transit legs as they will be flown around the no-fly zones ({@link TransitTravel}), and each drone's sorties built
 * from it in flight order ({@link SortieBuilder}, which would close a sortie early should one still not fit).
 */
final class FleetSolving {

    /** A drone of the fleet with what it can do tonight, in the plan's projection. */
    private record Flyer(FleetDrone drone, Base base, Coordinate baseM, FleetParameters parameters) {

        DroneAtBase forSolver() {
            return new DroneAtBase(drone.id(), base.id(), new PointM(baseM.x, baseM.y), drone.speedMps(),
                    parameters.usableSortieS(), parameters.verticalS());
        }
    }

    private final CoverageParameters coverage;
    private final CoveragePlanner planner;
    private final Clock clock;

    FleetSolving(CoverageParameters coverage, CoveragePlanner planner, Clock clock) {
        this.coverage = coverage;
        this.planner = planner;
        this.clock = clock;
    }

    FleetPlan plan(SiteLayer layer, List<String> siteIds, FleetRequest request, PlanProgress progress) {
        Fleet fleet = request.fleet();
        LocalProjection projection = LocalProjection.centredOn(centreOf(fleet));
        SafeTransit transit = SafeTransit.around(layer.noFlyZones(), projection, SafeTransit.DEFAULT_MARGIN_M);
        List<Flyer> flyers = flyers(request, projection, transit);
        List<UnassignedSite> unassigned = new ArrayList<>();
        Map<String, SiteCoverages.Covered> covered = new LinkedHashMap<>();
        for (SiteCoverages.Outcome outcome : SiteCoverages.plan(SiteCoverages.requested(layer, siteIds), layer, planner,
                projection, transit, progress)) {
            if (outcome instanceof SiteCoverages.Refused refused) {
                unassigned.add(refused.site());
            } else if (outcome instanceof SiteCoverages.Covered c) {
                covered.put(c.site().id(), c);
            }
        }
        List<DroneAtBase> drones = flyers.stream().map(Flyer::forSolver).toList();
        Map<String, List<Coordinate>> paths = new HashMap<>();
        Travel travel = new TransitTravel(transit);
        List<Task> tasks = tasks(covered.values(), drones, paths, travel);
        Allocation allocation = new SortieSolver(clock).solve(
                new AllocationProblem(tasks, drones, fleet.swapS(), request.windowS(), travel), request.solver());
        progress.solved(allocation.searchMs(), allocation.iterations());
        List<Sortie> sorties = new ArrayList<>();
        for (int d = 0; d < flyers.size(); d++) {
            Flyer flyer = flyers.get(d);
            SortieBuilder builder = new SortieBuilder(d, flyer.parameters(), transit, projection, flyer.baseM());
            for (AllocatedSortie sortie : allocation.sortiesOf(d)) {
                for (Visit visit : sortie.visits()) {
                    List<Coordinate> path = new ArrayList<>(paths.get(visit.task().id()));
                    if (visit.reversed()) {
                        Collections.reverse(path);
                    }
                    builder.add(visit.task().siteId(), path, visit.task().dwellS());
                }
                builder.endSortie();
            }
            sorties.addAll(builder.finish());
            unassigned.addAll(builder.unassigned());
        }
        unassigned.addAll(refusedSites(allocation.refused(), tasks));
        List<SiteCoverage> flown = covered.values().stream().map(SiteCoverages.Covered::coverage)
                .filter(c -> sorties.stream().anyMatch(s -> s.siteIds().contains(c.siteId()))).toList();
        List<PlannedDrone> planned = flyers.stream().map(f -> new PlannedDrone(f.drone().id(), f.base().id(),
                f.base().position(), f.parameters().usableSortieS())).toList();
        return new FleetPlan(sorties, flown, unassigned, planned, fleet.swapS());
    }

    private List<Flyer> flyers(FleetRequest request, LocalProjection projection, SafeTransit transit) {
        Fleet fleet = request.fleet();
        for (Base base : fleet.bases()) {
            if (transit.isInsideZone(projection.toMetres(base.position()))) {
                throw new IllegalArgumentException("base " + base.id() + " (" + base.position().lat() + ", "
                        + base.position().lon() + ") lies inside a no-fly zone or its margin");
            }
        }
        double factor = request.derate().factorAt(request.ambientTempC());
        List<Flyer> flyers = new ArrayList<>();
        for (FleetDrone drone : fleet.drones()) {
            Base base = fleet.base(drone.baseId());
            FleetParameters parameters = new FleetParameters(coverage, drone.speedMps(), drone.enduranceMin() * factor,
                    fleet.reserve());
            if (parameters.usableSortieS() <= parameters.verticalS()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "drone %s: at %.1f °C a battery gives %.0f s"
                        + " with the reserve kept, no more than the climb to %.0f m and back", drone.id(),
                        request.ambientTempC(), parameters.usableSortieS(), coverage.altitudeM()));
            }
            flyers.add(new Flyer(drone, base, projection.toMetres(base.position()), parameters));
        }
        return flyers;
    }

    /** One task per site, or one per part of a sweep too long for any drone's battery. */
    private static List<Task> tasks(Iterable<SiteCoverages.Covered> covered, List<DroneAtBase> drones,
                                    Map<String, List<Coordinate>> paths, Travel travel) {
        AllocationProblem open = new AllocationProblem(List.of(), drones, 0, Double.POSITIVE_INFINITY, travel);
        List<Task> tasks = new ArrayList<>();
        for (SiteCoverages.Covered c : covered) {
            String id = c.site().id();
            Task whole = task(id, id, c.site().priority(), c.pathM(), c.coverage().dwellS());
            List<List<Coordinate>> parts = drones.stream().anyMatch(d -> open.aloneS(d, whole) <= d.flightBudgetS())
                    ? List.of() : cutForNearestBase(c.pathM(), drones, travel);
            if (parts.size() < 2) {
                tasks.add(whole);
                paths.put(whole.id(), c.pathM());
                continue;
            }
            for (int k = 0; k < parts.size(); k++) {
                Task part = task(id + " #" + (k + 1), id, c.site().priority(), parts.get(k), 0);
                tasks.add(part);
                paths.put(part.id(), parts.get(k));
            }
        }
        return tasks;
    }

    private static Task task(String id, String siteId, int priority, List<Coordinate> pathM, double dwellS) {
        Coordinate first = pathM.get(0);
        Coordinate last = pathM.get(pathM.size() - 1);
        return new Task(id, siteId, priority, new PointM(first.x, first.y), new PointM(last.x, last.y),
                SortieBuilder.length(pathM), dwellS);
    }

    /** Parts that the drone with the longest reach at the base nearest the sweep can fly one by one. */
    private static List<List<Coordinate>> cutForNearestBase(List<Coordinate> pathM, List<DroneAtBase> drones,
                                                            Travel travel) {
        DroneAtBase best = null;
        double nearestM = Double.MAX_VALUE;
        for (DroneAtBase d : drones) {
            Coordinate base = new Coordinate(d.baseM().xM(), d.baseM().yM());
            double m = pathM.stream().mapToDouble(base::distance).min().orElseThrow();
            if (m < nearestM - 1e-6 || Math.abs(m - nearestM) <= 1e-6
                    && d.flightBudgetS() * d.speedMps() > best.flightBudgetS() * best.speedMps()) {
                nearestM = m;
                best = d;
            }
        }
        return SweepParts.cut(pathM, new Coordinate(best.baseM().xM(), best.baseM().yM()),
                best.flightBudgetS() * best.speedMps(),
                (a, b) -> travel.metres(new PointM(a.x, a.y), new PointM(b.x, b.y)));
    }

    /** The solver's refusals as sites left out; a site of several parts says which part. */
    private static List<UnassignedSite> refusedSites(List<Refusal> refused, List<Task> tasks) {
        Map<String, Long> partsOf = new HashMap<>();
        tasks.forEach(t -> partsOf.merge(t.siteId(), 1L, Long::sum));
        Map<String, UnassignedSite> bySite = new LinkedHashMap<>();
        for (Refusal r : refused) {
            String site = r.task().siteId();
            long parts = partsOf.getOrDefault(site, 1L);
            String reason = parts > 1 ? "part " + r.task().id().substring(site.length() + 2) + " of " + parts + ": "
                    + r.message() : r.message();
            bySite.putIfAbsent(site, new UnassignedSite(site, reason));
        }
        return List.copyOf(bySite.values());
    }

    private static LatLon centreOf(Fleet fleet) {
        double lat = fleet.bases().stream().mapToDouble(b -> b.position().lat()).average().orElseThrow();
        double lon = fleet.bases().stream().mapToDouble(b -> b.position().lon()).average().orElseThrow();
        return new LatLon(lat, lon);
    }
}
