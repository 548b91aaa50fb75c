package org.winterwatch.coordinator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
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
import org.winterwatch.missions.FleetRequest;
import org.winterwatch.missions.PlanGeoJson;
import org.winterwatch.missions.PlanKml;
import org.winterwatch.missions.PlanSummary;
import org.winterwatch.missions.QgcPlan;
import org.winterwatch.missions.allocation.SolverSettings;
import org.winterwatch.missions.fleet.ColdDerate;
import org.winterwatch.missions.fleet.Fleet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winterwatch plan}: offline coverage planning, no network (CONTRACT §1, §6). */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plans coverage sorties over a site layer for a fleet (--fleet FILE, or --drones N from one"
                + " --home) and prints a summary.")
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    Verbosity verbosity;

    @Option(names = "--sites", required = true, description = "Site layer (GeoJSON .geojson/.json or GeoPackage .gpkg).")
    Path sites;
    @Option(names = "--fleet", paramLabel = "FILE", description = "Fleet file (JSON or YAML): bases, drones (base,"
            + " enduranceMin, speedMps), reserve, swapMin. Replaces --drones, --home, --endurance-min, --speed-mps,"
            + " --reserve and --swap-min.")
    Path fleetFile;
    @Option(names = "--drones", defaultValue = "4", description = "Drones, all at --home (default: ${DEFAULT-VALUE}).")
    int drones;
    @Option(names = "--altitude-m", defaultValue = "40", description = "Flight altitude above ground, 15..120 m (default: ${DEFAULT-VALUE}).")
    double altitudeM;
    @Option(names = "--home", description = "LAT,LON of the launch point (default: centroid of the layer).")
    String home;
    @Option(names = "--endurance-min", defaultValue = "25", description = "Flight time of a full battery at 15 °C (default: ${DEFAULT-VALUE}).")
    double enduranceMin;
    @Option(names = "--reserve", defaultValue = "0.2", description = "Battery fraction kept in reserve (default: ${DEFAULT-VALUE}).")
    double reserve;
    @Option(names = "--speed-mps", defaultValue = "10", description = "Cruise speed (default: ${DEFAULT-VALUE}).")
    double speedMps;
    @Option(names = "--swap-min", defaultValue = "5", description = "Minutes on the ground between two sorties of a drone (default: ${DEFAULT-VALUE}).")
    double swapMin;
    @Option(names = "--ambient-temp-c", defaultValue = "15", paramLabel = "T",
            description = "The night's temperature: below 15 °C a battery gives 0.75 %% less per degree, never less than"
                    + " half (default: ${DEFAULT-VALUE}, no derating).")
    double ambientTempC;
    @Option(names = "--solver-time-s", defaultValue = "5", paramLabel = "S",
            description = "Upper bound of the solver's search, seconds (default: ${DEFAULT-VALUE}).")
    double solverTimeS;
    @Option(names = "--seed", defaultValue = "" + SolverSettings.DEFAULT_SEED,
            description = "The solver's random seed: the same seed gives the same plan (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--window-min", paramLabel = "M",
            description = "Every drone lands for the last time within M minutes; what does not fit is left out, lowest"
                    + " priority first (default: no window).")
    Double windowMin;
    @Option(names = "--allocation", defaultValue = "solver", paramLabel = "solver|sectors",
            description = "Who flies which site: the solver (several bases) or the older sector split around one"
                    + " --home (default: ${DEFAULT-VALUE}).")
    String allocation;
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
        PointSweep pointSweep = switch (points.trim().toLowerCase(Locale.ROOT)) {
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
        PlanFleetOptions fleetOptions = new PlanFleetOptions(spec, fleetFile);
        boolean sectors = switch (allocation.trim().toLowerCase(Locale.ROOT)) {
            case "solver" -> false;
            case "sectors" -> true;
            default -> throw new UsageError("--allocation must be solver or sectors, was '" + allocation + "'");
        };
        fleetOptions.checkFlags(sectors);
        if (sectors && windowMin != null) {
            throw new UsageError("--window-min needs the solver: leave out --allocation sectors");
        }
        checkNumbers();
        SiteLayer layer;
        try {
            layer = SiteLayers.read(sites);
        } catch (LayerException e) {
            PrintWriter err = spec.commandLine().getErr();
            e.problems().forEach(p -> err.println(sites + ": " + p));
            return ExitCodes.USAGE;
        }
        LatLon launch = home == null ? layer.centroid() : LatLon.parse(home);
        Fleet fleet = fleetFile == null ? Fleet.oneBase(launch, drones, enduranceMin, speedMps, reserve, swapMin)
                : fleetOptions.read(spec.commandLine().getErr());
        if (fleet == null) {
            return ExitCodes.USAGE;
        }
        FleetPlan plan = plan(layer, fleet, launch, sectors);
        out.print(PlanSummary.text(plan, layer));
        // an auto-flushing writer flushes on println only: the summary ends in print, and may be all there is to say
        out.flush();
        write(plan, layer, out);
        return ExitCodes.OK;
    }

    private void checkNumbers() {
        if (drones < 1) {
            throw new UsageError("--drones must be at least 1, was " + drones);
        }
        if (!(solverTimeS > 0 && solverTimeS <= 3600)) {
            throw new UsageError("--solver-time-s must be more than 0 and at most 3600, was " + solverTimeS);
        }
        if (!(ambientTempC >= -80 && ambientTempC <= 60)) {
            throw new UsageError("--ambient-temp-c must be within -80..60, was " + ambientTempC);
        }
        if (windowMin != null && !(windowMin > 0)) {
            throw new UsageError("--window-min must be more than 0, was " + windowMin);
        }
    }

    private FleetPlan plan(SiteLayer layer, Fleet fleet, LatLon launch, boolean sectors) {
        ColdDerate curve = ColdDerate.SIMULATOR;
        PlanProgressLines progress = new PlanProgressLines(spec.commandLine().getErr());
        if (sectors) {
            // the sector split has one kind of drone; the cold shortens its battery all the same
            FleetParameters params = new FleetParameters(coverage(), speedMps,
                    enduranceMin * curve.factorAt(ambientTempC), reserve);
            return new FleetPlanner(params).plan(layer, null, drones, launch, progress);
        }
        FleetRequest request = new FleetRequest(fleet, ambientTempC, curve,
                windowMin == null ? Double.POSITIVE_INFINITY : windowMin * 60,
                SolverSettings.within(Duration.ofMillis(Math.round(solverTimeS * 1000))).withSeed(seed));
        // speed, endurance and reserve come from the fleet: only the coverage of these parameters counts here
        return new FleetPlanner(new FleetParameters(coverage(), speedMps, enduranceMin, reserve), Clock.systemUTC())
                .plan(layer, null, request, progress);
    }

    private void write(FleetPlan plan, SiteLayer layer, PrintWriter out) throws IOException {
        if (outGeojson != null) {
            Files.writeString(outGeojson, PlanGeoJson.write(plan, layer));
            out.println("Wrote " + outGeojson);
        }
        if (outQgc != null) {
            Files.createDirectories(outQgc);
            for (int d = 0; d < plan.drones().size(); d++) {
                Files.writeString(outQgc.resolve(fileNameOf(plan.drone(d).id()) + ".plan"), QgcPlan.forDrone(plan, layer, d));
            }
            out.println("Wrote " + plan.drones().size() + " QGroundControl plan(s) to " + outQgc);
        }
        if (outKml != null) {
            Files.writeString(outKml, PlanKml.write(plan, layer));
            out.println("Wrote " + outKml);
        }
    }

    /** A drone id as a file name: anything but letters, digits, dot, dash and underscore becomes an underscore. */
    static String fileNameOf(String droneId) {
        return droneId.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
