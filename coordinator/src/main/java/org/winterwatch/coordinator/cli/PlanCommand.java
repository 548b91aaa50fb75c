package org.winterwatch.coordinator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.AltitudeBounds;
import org.winterwatch.geo.coverage.CameraModel;
import org.winterwatch.geo.coverage.CoverageParameters;
import org.winterwatch.geo.coverage.PointSweep;
import org.winterwatch.geo.layer.LayerException;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.missions.FleetParameters;
import org.winterwatch.missions.FleetPlan;
import org.winterwatch.missions.FleetPlanner;
import org.winterwatch.missions.PlanGeoJson;
import org.winterwatch.missions.PlanKml;
import org.winterwatch.missions.PlanSummary;
import org.winterwatch.missions.QgcPlan;
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

    @Option(names = "--sites", required = true, description = "Site layer (GeoJSON .geojson/.json or GeoPackage .gpkg).")
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
    @Option(names = "--out-qgc", paramLabel = "DIR", description = "Write one QGroundControl .plan per drone into DIR (drone-1.plan, ...).")
    Path outQgc;
    @Option(names = "--out-kml", paramLabel = "FILE", description = "Write the plan as KML (routes, sweeps, no-fly zones).")
    Path outKml;
    @Option(names = "--points", defaultValue = "orbit", paramLabel = "orbit|hover",
            description = "How point sites are looked at: orbit around or hover above (default: ${DEFAULT-VALUE}).")
    String points;
    @Option(names = "--hover-s", defaultValue = "20", description = "Seconds to hover over a point site with --points hover (default: ${DEFAULT-VALUE}).")
    double hoverS;
    @Option(names = "--min-altitude-m", defaultValue = "15", description = "Lowest altitude allowed (default: ${DEFAULT-VALUE}).")
    double minAltitudeM;
    @Option(names = "--max-altitude-m", defaultValue = "120", description = "Highest altitude allowed (default: ${DEFAULT-VALUE}).")
    double maxAltitudeM;

    private CoverageParameters coverage() {
        PointSweep pointSweep = switch (points.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "orbit" -> PointSweep.orbit();
            case "hover" -> PointSweep.hover(hoverS);
            default -> throw new UsageError("--points must be orbit or hover, was '" + points + "'");
        };
        AltitudeBounds bounds = new AltitudeBounds(minAltitudeM, maxAltitudeM);
        if (!bounds.contains(altitudeM)) {
            throw new UsageError("--altitude-m " + altitudeM + " is outside the allowed " + minAltitudeM + ".."
                    + maxAltitudeM + " m (--min-altitude-m, --max-altitude-m)");
        }
        return new CoverageParameters(CameraModel.thermalDefault(), altitudeM,
                CoverageParameters.defaults().orbitRadiusM(), bounds, pointSweep);
    }

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
        FleetParameters params = new FleetParameters(coverage(), speedMps, enduranceMin, reserve);
        FleetPlan plan = new FleetPlanner(params).plan(layer, null, drones, launch,
                new PlanProgressLines(spec.commandLine().getErr()));
        out.print(PlanSummary.text(plan, layer, drones));
        // an auto-flushing writer flushes on println only: the summary ends in print, and may be all there is to say
        out.flush();
        if (outGeojson != null) {
            Files.writeString(outGeojson, PlanGeoJson.write(plan, layer));
            out.println("Wrote " + outGeojson);
        }
        if (outQgc != null) {
            Files.createDirectories(outQgc);
            for (int d = 0; d < drones; d++) {
                Files.writeString(outQgc.resolve("drone-" + (d + 1) + ".plan"), QgcPlan.forDrone(plan, layer, d));
            }
            out.println("Wrote " + drones + " QGroundControl plan(s) to " + outQgc);
        }
        if (outKml != null) {
            Files.writeString(outKml, PlanKml.write(plan, layer));
            out.println("Wrote " + outKml);
        }
        return ExitCodes.OK;
    }
}
