package org.winterwatch.benchmarks.planning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Coordinate;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.missions.FleetParameters;
import org.winterwatch.missions.FleetPlan;
import org.winterwatch.missions.FleetPlanner;
import org.winterwatch.missions.FleetRequest;
import org.winterwatch.missions.PlanProgress;
import org.winterwatch.missions.Sortie;
import org.winterwatch.missions.allocation.SolverSettings;
import org.winterwatch.missions.fleet.Base;
import org.winterwatch.missions.fleet.ColdDerate;
import org.winterwatch.missions.fleet.Fleet;
import org.winterwatch.missions.fleet.FleetDrone;

/**
 * Fleet allocation at city scale (issue 12): 1,000 mixed sites over 20 km × 20 km, 20 drones at 16 bases (a 4 × 4
 * grid 5 km apart, the four central bases with two drones each), 25 min batteries at −20 °C, 20 % reserve, 5 min
 * battery changes. Side by side in one run: the solver at 5 s and at 50 s, and the sector split of 20 drones from
 * one base at the centre (the planner before issue 12). Per line: wall time of the whole plan (coverage included)
 * and of the solver's search, sites planned and left out, sorties, makespan, balance (the busiest drone's flight
 * time over the mean of all drones) and sorties over their derated battery (must be 0). Run:
 * {@code benchmarks/run org.winterwatch.benchmarks.planning.FleetAllocationBenchmark [--write DIR]}; with
 * {@code --write DIR} it only writes the layer ({@code city-1000.geojson}) and the fleet file ({@code fleet-16.json})
 * for timing {@code winterwatch plan} on them.
 */
public final class FleetAllocationBenchmark {

    static final int SITES = 1000;
    static final long SEED = 42;
    static final double HALF_WIDTH_M = 10_000;
    static final double TEMP_C = -20;

    private FleetAllocationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        // quiet, as the command line is: jsprit logs every iteration at INFO
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "winterwatch-logback.xml");
        }
        SiteLayer layer = MixedSiteLayer.layer(SITES, SEED, HALF_WIDTH_M);
        Fleet fleet = sixteenBases();
        if (args.length == 2 && args[0].equals("--write")) {
            Path dir = Files.createDirectories(Path.of(args[1]));
            Files.writeString(dir.resolve("city-1000.geojson"), SiteLayers.toGeoJson(layer));
            Files.writeString(dir.resolve("fleet-16.json"), fleetJson(fleet));
            System.out.println("wrote " + dir.resolve("city-1000.geojson") + " and " + dir.resolve("fleet-16.json"));
            return;
        }
        System.out.printf(Locale.ROOT, "%d sites over %.0f km x %.0f km, %d drones at %d bases, %.0f C (usable %.0f s"
                        + " per sortie), swap %.0f min%n", SITES, 2 * HALF_WIDTH_M / 1000, 2 * HALF_WIDTH_M / 1000,
                fleet.drones().size(), fleet.bases().size(), TEMP_C,
                fleet.usableS(fleet.drones().get(0), ColdDerate.SIMULATOR, TEMP_C), fleet.swapMin());
        System.out.printf(Locale.ROOT, "%-22s %8s %9s %8s %9s %8s %11s %9s %8s%n", "allocation", "plan s", "search s",
                "planned", "left out", "sorties", "makespan h", "balance", "overrun");
        for (int seconds : new int[] {5, 50}) {
            FleetRequest request = FleetRequest.of(fleet).at(TEMP_C)
                    .solvedWith(SolverSettings.within(Duration.ofSeconds(seconds)));
            AtomicLong searchMs = new AtomicLong();
            PlanProgress progress = new PlanProgress() {
                @Override
                public void sitesPlanned(int planned, int total) {
                }

                @Override
                public void solved(long ms, int iterations) {
                    searchMs.set(ms);
                }
            };
            long started = System.nanoTime();
            FleetPlan plan = new FleetPlanner(FleetParameters.defaults(), Clock.systemUTC())
                    .plan(layer, null, request, progress);
            report("solver, " + seconds + " s", plan, (System.nanoTime() - started) / 1e9, searchMs.get() / 1000.0);
        }
        double derated = 25 * ColdDerate.SIMULATOR.factorAt(TEMP_C);
        FleetParameters sectors = new FleetParameters(FleetParameters.defaults().coverage(), 10, derated, 0.2);
        long started = System.nanoTime();
        FleetPlan plan = new FleetPlanner(sectors).plan(layer, null, fleet.drones().size(), MixedSiteLayer.CENTRE);
        report("sector split, 1 base", plan, (System.nanoTime() - started) / 1e9, Double.NaN);
    }

    /** 16 bases 5 km apart around the layer's centre; the four central ones have two drones, the others one. */
    static Fleet sixteenBases() {
        LocalProjection proj = LocalProjection.centredOn(MixedSiteLayer.CENTRE);
        List<Base> bases = new ArrayList<>();
        List<FleetDrone> drones = new ArrayList<>();
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 4; col++) {
                String id = "b" + row + col;
                LatLon at = proj.toLatLon(new Coordinate(-7500 + col * 5000, -7500 + row * 5000));
                bases.add(new Base(id, new LatLon(Math.round(at.lat() * 1e6) / 1e6, Math.round(at.lon() * 1e6) / 1e6)));
                boolean central = (row == 1 || row == 2) && (col == 1 || col == 2);
                for (int k = 1; k <= (central ? 2 : 1); k++) {
                    drones.add(new FleetDrone(id + "-" + k, id, 25, 10));
                }
            }
        }
        return new Fleet(bases, drones, 0.2, 5);
    }

    private static void report(String name, FleetPlan plan, double planS, double searchS) {
        int drones = plan.drones().size();
        double max = 0;
        double sum = 0;
        for (int d = 0; d < drones; d++) {
            max = Math.max(max, plan.durationS(d));
            sum += plan.durationS(d);
        }
        long overrun = plan.sorties().stream()
                .filter(s -> s.durationS() > plan.drone(s.droneIndex()).usableS() + 1e-6).count();
        long planned = plan.sorties().stream().flatMap(s -> s.siteIds().stream()).distinct().count();
        System.out.printf(Locale.ROOT, "%-22s %8.1f %9s %8d %9d %8d %11.2f %9.3f %8d%n", name, planS,
                Double.isNaN(searchS) ? "-" : String.format(Locale.ROOT, "%.1f", searchS), planned,
                plan.unassigned().size(), plan.sorties().size(), plan.makespanS() / 3600, max / (sum / drones), overrun);
    }

    private static String fleetJson(Fleet fleet) {
        StringBuilder json = new StringBuilder("{\"bases\": [\n");
        for (int i = 0; i < fleet.bases().size(); i++) {
            Base b = fleet.bases().get(i);
            json.append(String.format(Locale.ROOT, "  {\"id\": \"%s\", \"lat\": %.6f, \"lon\": %.6f}%s%n", b.id(),
                    b.position().lat(), b.position().lon(), i + 1 < fleet.bases().size() ? "," : ""));
        }
        json.append("], \"drones\": [\n");
        for (int i = 0; i < fleet.drones().size(); i++) {
            FleetDrone d = fleet.drones().get(i);
            json.append(String.format(Locale.ROOT, "  {\"id\": \"%s\", \"base\": \"%s\", \"enduranceMin\": %.0f,"
                    + " \"speedMps\": %.0f}%s%n", d.id(), d.baseId(), d.enduranceMin(), d.speedMps(),
                    i + 1 < fleet.drones().size() ? "," : ""));
        }
        return json.append(String.format(Locale.ROOT, "], \"reserve\": %.2f, \"swapMin\": %.0f}%n", fleet.reserve(),
                fleet.swapMin())).toString();
    }
}
