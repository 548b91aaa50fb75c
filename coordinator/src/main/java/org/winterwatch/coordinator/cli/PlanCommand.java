package org.winterwatch.coordinator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.CameraModel;
import org.winterwatch.geo.coverage.CoverageParameters;
import org.winterwatch.geo.layer.LayerException;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.missions.FleetParameters;
import org.winterwatch.missions.FleetPlan;
import org.winterwatch.missions.FleetPlanner;
import org.winterwatch.missions.PlanGeoJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winterwatch plan}: offline coverage planning, no network (CONTRACT §1). */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plans coverage sorties over a site layer for N drones and prints a summary.")
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    Verbosity verbosity;

    @Option(names = "--sites", required = true, description = "Site layer (GeoJSON).")
    Path sites;
    @Option(names = "--drones", defaultValue = "4", description = "Drones (default: ${DEFAULT-VALUE}).")
    int drones;
    @Option(names = "--altitude-m", defaultValue = "40", description = "Flight altitude above ground, 15..120 m (default: ${DEFAULT-VALUE}).")
    double altitudeM;
    @Option(names = "--home", description = "LAT,LON of the launch point (default: centroid of the layer).")
    String home;
    @Option(names = "--endurance-min", defaultValue = "25", description = "Usable flight time per battery (default: ${DEFAULT-VALUE}).")
    double enduranceMin;
    @Option(names = "--reserve", defaultValue = "0.2", description = "Battery fraction kept in reserve (default: ${DEFAULT-VALUE}).")
    double reserve;
    @Option(names = "--speed-mps", defaultValue = "10", description = "Cruise speed (default: ${DEFAULT-VALUE}).")
    double speedMps;
    @Option(names = "--out-geojson", description = "Write the plan as GeoJSON (routes per sortie, sweeps per site).")
    Path outGeojson;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (drones < 1) {
            throw new UsageError("--drones must be at least 1, was " + drones);
        }
        SiteLayer layer;
        try {
            layer = SiteLayers.read(sites);
        } catch (LayerException e) {
            PrintWriter err = spec.commandLine().getErr();
            e.problems().forEach(p -> err.println(sites + ": " + p));
            return ExitCodes.USAGE;
        }
        LatLon launch = home == null ? layer.centroid() : LatLon.parse(home);
        FleetParameters params = new FleetParameters(
                new CoverageParameters(CameraModel.thermalDefault(), altitudeM, CoverageParameters.defaults().orbitRadiusM()),
                speedMps, enduranceMin, reserve);
        FleetPlan plan = new FleetPlanner(params).plan(layer, null, drones, launch);
        out.printf("Sites: %d planned, %d left out; drones: %d; sorties: %d; waypoints: %d; total length %.1f km%n",
                plan.coverages().size(), plan.unassigned().size(), drones, plan.sorties().size(),
                plan.sorties().stream().mapToInt(s -> s.waypoints().size()).sum(), plan.totalLengthM() / 1000);
        for (int d = 0; d < drones; d++) {
            out.printf("  drone-%d: %d sortie(s), %.1f min%n", d + 1, plan.sortiesOf(d).size(), plan.durationS(d) / 60);
        }
        plan.unassigned().forEach(u -> out.println("  left out: " + u.siteId() + ": " + u.reason()));
        if (outGeojson != null) {
            Files.writeString(outGeojson, PlanGeoJson.write(plan, layer));
            out.println("Wrote " + outGeojson);
        }
        return ExitCodes.OK;
    }
}
