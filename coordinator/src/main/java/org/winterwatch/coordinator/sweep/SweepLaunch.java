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
 * drones. Refuses with the reason (an unknown site or drone, an altitude out of bounds, no free drone, a busy one, one
 * away from its base).
 */
final class SweepLaunch {

    /** A request checked and planned, or refused. */
    sealed interface Outcome {
    }

    record Planned(Sweep sweep) implements Outcome {
    }

    record Rejected(SweepAnswer.Refused refused) implements Outcome {
    }

    static Rejected invalid(String error) {
        return rejected(SweepAnswer.Why.INVALID, error, List.of());
    }

    static Rejected unavailable(String error) {
        return rejected(SweepAnswer.Why.UNAVAILABLE, error, List.of());
    }

    private SweepLaunch() {
    }

    /** The request is sound and these drones are free to fly it, at this altitude; the sites are yet to be shared. */
    record Chosen(double altitudeM, List<DroneState> drones) implements Outcome {

        List<String> droneIds() {
            return drones.stream().map(DroneState::droneId).toList();
        }
    }

    /**
     * Checks the request and picks its drones: those named, or every free one. With a fleet file a drone must stand
     * at its base, since the sweep is planned from there.
     *
     * @param drones every drone of the fleet, in configuration order
     * @param busy   drone id to what keeps it busy (another sweep, an inspection)
     * @return {@link Chosen} or {@link Rejected}
     */
    static Outcome choose(SweepRequest request, SweepPlanning planning, List<DroneState> drones, Map<String, String> busy) {
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
                    : !d.connected() ? "not connected" : !d.positionKnown() ? "no position fix yet"
                    : planning.awayFromBase(d).orElse(null);
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
        return new Chosen(altitudeM, chosen);
    }

    /** Checks the request and shares its sites around where the chosen drones stand (no fleet file): quick. */
    static Outcome plan(String sweepId, SweepRequest request, String createdBy, Instant now, SweepPlanning planning,
                        List<DroneState> drones, Map<String, String> busy) {
        Outcome outcome = choose(request, planning, drones, busy);
        if (!(outcome instanceof Chosen chosen)) {
            return outcome;
        }
        SweepPlanning.Assignment assignment = planning.atAltitude(chosen.altitudeM())
                .share(request.siteIds(), chosen.droneIds(), centroid(chosen.drones()));
        return planned(sweepId, createdBy, now, chosen, assignment);
    }

    /** The sweep of the chosen drones over the sites as {@code assignment} shares them; refused when it shares none. */
    static Outcome planned(String sweepId, String createdBy, Instant now, Chosen chosen,
                           SweepPlanning.Assignment assignment) {
        if (assignment.droneOf().isEmpty()) {
            List<String> reasons = assignment.skipped().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
            return rejected(SweepAnswer.Why.INVALID, reasons.isEmpty() ? "the site layer has no patrol site to sweep"
                    : "none of the sites can be swept", reasons);
        }
        return new Planned(Sweep.plan(sweepId, createdBy, now, chosen.altitudeM(), chosen.droneIds(),
                assignment.droneOf(), assignment.skipped()));
    }

    /** Where the drones stand, on average: the home the sites are shared around. */
    static LatLon centroid(List<DroneState> drones) {
        double lat = drones.stream().mapToDouble(DroneState::lat).average().orElseThrow();
        double lon = drones.stream().mapToDouble(DroneState::lon).average().orElseThrow();
        return new LatLon(lat, lon);
    }

    private static Rejected rejected(SweepAnswer.Why why, String error, List<String> details) {
        return new Rejected(new SweepAnswer.Refused(why, error, details));
    }
}
