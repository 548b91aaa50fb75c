package org.winterwatch.missions;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.SiteCoverage;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

/**
 * A fleet plan as text a pilot reads before the flight: totals, the makespan, a line per drone (its base, sorties,
 * flight and busy time), what was left out and why.
 */
public final class PlanSummary {

    private PlanSummary() {
    }

    public static String text(FleetPlan plan, SiteLayer layer) {
        int drones = plan.drones().size();
        StringBuilder out = new StringBuilder();
        int requested = plan.coverages().size() + (int) plan.unassigned().stream()
                .filter(u -> plan.coverages().stream().noneMatch(c -> c.siteId().equals(u.siteId()))).count();
        int waypoints = plan.sorties().stream().mapToInt(s -> s.waypoints().size()).sum();
        double cameraM = plan.sorties().stream().mapToDouble(PlanSummary::cameraOnM).sum();
        Map<String, LatLon> bases = plan.bases();
        out.append(String.format(Locale.ROOT,
                "Plan: %d sites (%d planned, %d left out), %d no-fly zones, %d drones%s, %d sorties, %d waypoints%n",
                requested, plan.coverages().size(), plan.unassigned().size(), layer.noFlyZones().size(), drones,
                bases.size() == 1 ? "" : " at " + bases.size() + " bases", plan.sorties().size(), waypoints));
        out.append(String.format(Locale.ROOT, "Length: %.1f km in total, %.1f km of it camera on; %s%n",
                plan.totalLengthM() / 1000, cameraM / 1000, basesText(bases)));
        out.append(String.format(Locale.ROOT,
                "Makespan: %.1f h (%.0f s) from the first take-off to the last landing, battery changes of %.0f min"
                        + " included%n", plan.makespanS() / 3600, plan.makespanS(), plan.swapS() / 60));
        plan.coverages().stream().min(Comparator.comparingDouble(SiteCoverage::coveredFraction)).ifPresent(worst ->
                out.append(String.format(Locale.ROOT,
                        "Coverage: %.2f %% on average of each planned site outside no-fly zones; lowest %.2f %% (%s)%n",
                        100 * plan.coverages().stream().mapToDouble(SiteCoverage::coveredFraction).average().orElse(0),
                        100 * worst.coveredFraction(), worst.siteId())));
        out.append(String.format(Locale.ROOT, "%-9s %-8s %10s %7s %9s %10s %13s %11s %9s %6s%n",
                "drone", "base", "usable min", "sorties", "waypoints", "length km", "camera-on km", "flight min",
                "busy min", "sites"));
        for (int d = 0; d < drones; d++) {
            List<Sortie> sorties = plan.sortiesOf(d);
            PlannedDrone drone = plan.drone(d);
            out.append(String.format(Locale.ROOT, "%-9s %-8s %10.1f %7d %9d %10.1f %13.1f %11.1f %9.1f %6d%n",
                    drone.id(), drone.baseId(), drone.usableS() / 60, sorties.size(),
                    sorties.stream().mapToInt(s -> s.waypoints().size()).sum(),
                    sorties.stream().mapToDouble(Sortie::lengthM).sum() / 1000,
                    sorties.stream().mapToDouble(PlanSummary::cameraOnM).sum() / 1000, plan.durationS(d) / 60,
                    plan.busyS(d) / 60, sorties.stream().flatMap(s -> s.siteIds().stream()).distinct().count()));
        }
        List<SiteCoverage> cut = plan.coverages().stream().filter(c -> c.noFlyFraction() > 0).toList();
        if (!cut.isEmpty()) {
            out.append("Parts of sites inside no-fly zones, left out of the sweep:\n");
            cut.forEach(c -> out.append(String.format(Locale.ROOT, "  %s (%s): %.1f %% inside %s%n", c.siteId(),
                    nameOf(layer, c.siteId()), 100 * c.noFlyFraction(), String.join(", ", c.noFlyZoneIds()))));
        }
        if (!plan.unassigned().isEmpty()) {
            out.append("Left out:\n");
            plan.unassigned().forEach(u -> out.append("  ").append(u.siteId()).append(" (")
                    .append(nameOf(layer, u.siteId())).append("): ").append(u.reason()).append('\n'));
        }
        return out.toString();
    }

    /** Bases shown with their positions in the summary; more are named only. */
    private static final int BASES_WITH_POSITIONS = 4;

    /** {@code home 40.090000,113.300000} for one base, {@code bases north 40.1,113.29, south ...} for a few. */
    private static String basesText(Map<String, LatLon> bases) {
        if (bases.size() == 1) {
            LatLon home = bases.values().iterator().next();
            return String.format(Locale.ROOT, "home %.6f,%.6f", home.lat(), home.lon());
        }
        if (bases.size() > BASES_WITH_POSITIONS) {
            return "bases " + String.join(", ", bases.keySet());
        }
        return "bases " + bases.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.5f,%.5f", e.getKey(),
                e.getValue().lat(), e.getValue().lon())).collect(java.util.stream.Collectors.joining(", "));
    }

    private static String nameOf(SiteLayer layer, String siteId) {
        Optional<Site> site = layer.byId(siteId);
        return site.map(Site::name).orElse("not in the layer");
    }

    /** Metres flown with the camera on: legs that end at a camera-on waypoint of the same site. */
    static double cameraOnM(Sortie sortie) {
        double sum = 0;
        List<Waypoint> w = sortie.waypoints();
        for (int i = 1; i < w.size(); i++) {
            Waypoint a = w.get(i - 1);
            Waypoint b = w.get(i);
            if (a.cameraOn() && b.cameraOn() && b.siteId() != null && b.siteId().equals(a.siteId())) {
                sum += new LatLon(a.lat(), a.lon()).distanceM(new LatLon(b.lat(), b.lon()));
            }
        }
        return sum;
    }
}
