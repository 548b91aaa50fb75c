package org.winterwatch.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.winterwatch.coordinator.app.DroneEndpoint;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.site.SiteLayer;
import org.winterwatch.geo.transit.SafeTransit;
import org.winterwatch.missions.fleet.Base;
import org.winterwatch.missions.fleet.Fleet;
import org.winterwatch.missions.fleet.FleetFile;
import org.winterwatch.missions.fleet.FleetProblem;

/**
 * {@code serve}'s fleet ({@code fleet:} in the config, {@code --fleet}, {@code WW_FLEET}): the path of a fleet file
 * (CONTRACT §6), or the fleet written out in the config itself. Every drone of the fleet needs a {@code drone:}
 * endpoint and every endpoint a place in the fleet, and no base may lie in a no-fly zone: each is a usage error at
 * start, not a surprise at the first sweep.
 */
final class FleetConfig {

    private FleetConfig() {
    }

    /** The configured fleet, or null when there is none (drones take off where they stand). */
    static Fleet read(Settings s, Path flag, List<DroneEndpoint> endpoints, SiteLayer layer) {
        JsonNode inline = s.raw("fleet");
        boolean written = inline != null && inline.isObject() && flag == null && s.fromEnvironment("fleet") == null;
        String path = written ? null : s.string("fleet", flag == null ? null : flag.toString(), null);
        String source;
        FleetFile.Result result;
        if (written) {
            source = "config fleet";
            result = FleetFile.parse(inline.toString(), false);
        } else if (path != null) {
            source = "fleet file " + path;
            result = FleetFile.read(Path.of(path));
        } else {
            return null;
        }
        Fleet fleet = orStop(result, source);
        checkAgainst(fleet, source, endpoints, layer);
        return fleet;
    }

    /** The fleet of {@code file}, or a usage error naming every problem in it ({@code simulate --fleet}). */
    static Fleet read(Path file, String option) {
        return orStop(FleetFile.read(file), option + " " + file);
    }

    private static Fleet orStop(FleetFile.Result result, String source) {
        if (result instanceof FleetFile.Result.Invalid invalid) {
            List<FleetProblem> problems = invalid.problems();
            throw new UsageError(source + ": " + (problems.size() == 1 ? "" : problems.size() + " problems: ")
                    + problems.stream().map(FleetProblem::toString).collect(Collectors.joining("; ")));
        }
        return ((FleetFile.Result.Read) result).fleet();
    }

    private static void checkAgainst(Fleet fleet, String source, List<DroneEndpoint> endpoints, SiteLayer layer) {
        Set<String> linked = endpoints.stream().map(DroneEndpoint::droneId).collect(Collectors.toSet());
        Set<String> listed = fleet.drones().stream().map(d -> d.id()).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        fleet.drones().stream().filter(d -> !linked.contains(d.id())).forEach(d -> problems.add("drone '" + d.id()
                + "' has no endpoint (add drone: " + d.id() + "=HOST:PORT)"));
        endpoints.stream().filter(e -> !listed.contains(e.droneId())).forEach(e -> problems.add("drone endpoint '"
                + e.droneId() + "' is not in the fleet (give it a base, enduranceMin and speedMps)"));
        for (Base base : fleet.bases()) {
            LocalProjection projection = LocalProjection.centredOn(base.position());
            SafeTransit zones = SafeTransit.around(layer.noFlyZones(), projection, SafeTransit.DEFAULT_MARGIN_M);
            if (zones.isInsideZone(projection.toMetres(base.position()))) {
                problems.add(String.format(Locale.ROOT, "bases (id=%s): %.6f, %.6f lies inside a no-fly zone of the"
                        + " site layer or within %.0f m of one", base.id(), base.position().lat(),
                        base.position().lon(), SafeTransit.DEFAULT_MARGIN_M));
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageError(source + ": " + String.join("; ", problems));
        }
    }
}
