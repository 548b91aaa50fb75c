package org.winterwatch.coordinator.sweep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.winterwatch.drone.DroneState;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.site.Site;
import org.winterwatch.missions.sweep.Sweep;

/**
 * Checks a sweep request against the site layer and the fleet, and plans the sweep: sites shared among the chosen
 * drones. Refuses with the reason (an unknown site or drone, an altitude out of bounds, no free drone, a busy one).
 */
final class SweepLaunch {

    /** A request checked and planned, or refused. */
    sealed interface Outcome {
    }

    record Planned(Sweep sweep) implements Outcome {
    }

    record Rejected(SweepAnswer.Refused refused) implements Outcome {
    }

    private SweepLaunch() {
    }

    /**
     * @param drones every drone of the fleet, in configuration order
     * @param busy   drone id to what keeps it busy (another sweep, an inspection)
     */
    static Outcome plan(String sweepId, SweepRequest request, String createdBy, Instant now, SweepPlanning planning,
                        List<DroneState> drones, Map<String, String> busy) {
        List<String> problems = new ArrayList<>();
        if (request.siteIds() != null) {
            if (request.siteIds().isEmpty()) {
                problems.add("siteIds: empty; leave it out to sweep every patrol site");
            }
            for (String id : new LinkedHashSet<>(request.siteIds())) {
                Site site = planning.layer().byId(id).orElse(null);
                if (site == null) {
                    problems.add("siteIds: no site '" + id + "' in the site layer");
                } else if (site.isNoFlyZone()) {
                    problems.add("siteIds: '" + id + "' is a no-fly zone, never swept");
                }
            }
        }
        if (request.droneIds() != null) {
            if (request.droneIds().isEmpty()) {
                problems.add("droneIds: empty; leave it out to use every free drone");
            }
            Set<String> known = new LinkedHashSet<>(drones.stream().map(DroneState::droneId).toList());
            request.droneIds().stream().filter(id -> !known.contains(id))
                    .forEach(id -> problems.add("droneIds: no drone '" + id + "'; known: " + String.join(", ", known)));
        }
        double altitudeM = request.altitudeM() == null ? planning.altitudeM() : request.altitudeM();
        if (!(altitudeM >= planning.minAltitudeM() && altitudeM <= planning.maxAltitudeM())) {
            problems.add(String.format(Locale.ROOT, "altitudeM: %s is outside %.0f..%.0f m above take-off",
                    request.altitudeM(), planning.minAltitudeM(), planning.maxAltitudeM()));
        }
        if (!problems.isEmpty()) {
            return rejected(SweepAnswer.Why.INVALID, problems.size() == 1 ? problems.get(0)
                    : problems.size() + " problems in the sweep request", problems);
        }
        List<DroneState> chosen = new ArrayList<>();
        List<String> unfit = new ArrayList<>();
        for (DroneState d : drones) {
            boolean asked = request.droneIds() == null || request.droneIds().contains(d.droneId());
            if (!asked) {
                continue;
            }
            String why = busy.containsKey(d.droneId()) ? "busy with " + busy.get(d.droneId())
                    : !d.connected() ? "not connected" : !d.positionKnown() ? "no position fix yet" : null;
            if (why == null) {
                chosen.add(d);
            } else {
                unfit.add(d.droneId() + ": " + why);
            }
        }
        if (request.droneIds() != null && !unfit.isEmpty()) {
            return rejected(SweepAnswer.Why.CONFLICT, unfit.size() == 1 ? "drone " + unfit.get(0)
                    : unfit.size() + " of the drones asked for cannot fly now", unfit);
        }
        if (chosen.isEmpty()) {
            return rejected(SweepAnswer.Why.CONFLICT, "no free drone: every drone is busy or out of touch", unfit);
        }
        List<String> droneIds = chosen.stream().map(DroneState::droneId).toList();
        SweepPlanning.Assignment assignment = planning.atAltitude(altitudeM)
                .share(request.siteIds(), droneIds, centroid(chosen));
        if (assignment.droneOf().isEmpty()) {
            List<String> reasons = assignment.skipped().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
            return rejected(SweepAnswer.Why.INVALID, reasons.isEmpty() ? "the site layer has no patrol site to sweep"
                    : "none of the sites can be swept", reasons);
        }
        return new Planned(Sweep.plan(sweepId, createdBy, now, altitudeM, droneIds, assignment.droneOf(),
                assignment.skipped()));
    }

    /** Where the drones stand, on average: the home the sites are shared around. */
    static LatLon centroid(List<DroneState> drones) {
        double lat = drones.stream().mapToDouble(DroneState::lat).average().orElseThrow();
        double lon = drones.stream().mapToDouble(DroneState::lon).average().orElseThrow();
        return new LatLon(lat, lon);
    }

    private static Outcome rejected(SweepAnswer.Why why, String error, List<String> details) {
        return new Rejected(new SweepAnswer.Refused(why, error, details));
    }
}
