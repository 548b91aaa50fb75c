package org.winterwatch.coordinator.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.winterwatch.coordinator.fleet.InspectionRefusal.Reason;
import org.winterwatch.drone.DroneState;
import org.winterwatch.geo.LatLon;
import org.winterwatch.missions.FleetParameters;
import org.winterwatch.missions.InspectionPlanner;
import org.winterwatch.missions.Sortie;

/**
 * Chooses the drone that goes to look at a point: the nearest free one (connected, not busy, on the ground and
 * disarmed with a position fix and a home, charged to the minimum, within range) whose battery also covers the
 * sortie and its reserve; or says why none can go. Plain logic over state snapshots; thread-safe.
 */
final class InspectionChoice {

    private final InspectionSettings settings;
    private final InspectionPlanner planner;

    InspectionChoice(InspectionSettings settings, InspectionPlanner planner) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.planner = Objects.requireNonNull(planner, "planner");
    }

    /** A drone chosen for the point, or why there is none. */
    sealed interface Choice permits Chosen, Refused {
    }

    /** The drone to send, its place in the configured order, how far it stands from the point, and its sortie. */
    record Chosen(String droneId, int droneIndex, double distanceM, Sortie sortie) implements Choice {
    }

    record Refused(InspectionRefusal refusal) implements Choice {
    }

    private record Candidate(DroneState state, int index, double distanceM) {
    }

    /**
     * @param drones every configured drone's latest state, in configured order
     * @param busy   what each busy drone is doing, by drone id ("sweep", "inspection for alert a-1")
     */
    Choice choose(String alertId, LatLon point, List<DroneState> drones, Map<String, String> busy) {
        if (!settings.enabled()) {
            return refused(Reason.DISABLED, "inspection sorties are switched off");
        }
        Optional<String> zone = planner.noFlyZoneAt(point);
        if (zone.isPresent()) {
            return refused(Reason.INSIDE_NO_FLY_ZONE, "the point is inside no-fly zone " + zone.get());
        }
        List<Candidate> connected = new ArrayList<>();
        for (int i = 0; i < drones.size(); i++) {
            DroneState s = drones.get(i);
            if (s.connected()) {
                connected.add(new Candidate(s, i, s.positionKnown() ? distanceM(s, point) : Double.NaN));
            }
        }
        if (connected.isEmpty()) {
            return refused(Reason.NO_DRONE_CONNECTED, drones.isEmpty() ? "no drone is configured"
                    : "no drone is connected (" + drones.size() + " configured)");
        }
        List<Candidate> notBusy = connected.stream().filter(c -> !busy.containsKey(c.state().droneId())).toList();
        if (notBusy.isEmpty()) {
            String doing = connected.stream().map(c -> c.state().droneId() + " " + busy.get(c.state().droneId()))
                    .collect(Collectors.joining(", "));
            return refused(Reason.ALL_DRONES_BUSY, connected.size() == 1 ? "the one connected drone is busy: " + doing
                    : "all " + connected.size() + " connected drones are busy: " + doing);
        }
        List<Candidate> ready = notBusy.stream().filter(c -> unready(c.state()) == null).toList();
        if (ready.isEmpty()) {
            return refused(Reason.NO_DRONE_READY, "no free drone is ready to take off: "
                    + notBusy.stream().map(c -> unready(c.state())).collect(Collectors.joining(", ")));
        }
        List<Candidate> charged = ready.stream().filter(c -> c.state().batteryPercent() >= settings.minBatteryPercent())
                .sorted(Comparator.comparingDouble(Candidate::distanceM)).toList();
        if (charged.isEmpty()) {
            return refused(Reason.LOW_BATTERY, String.format(Locale.ROOT,
                    "no free drone has the %.0f %% battery an inspection needs: %s", settings.minBatteryPercent(),
                    ready.stream().map(c -> battery(c.state())).collect(Collectors.joining(", "))));
        }
        Candidate nearest = charged.get(0);
        if (nearest.distanceM() > settings.maxRangeM()) {
            return refused(Reason.OUT_OF_RANGE, String.format(Locale.ROOT,
                    "the nearest free drone, %s, is %.1f km away, beyond the %.1f km inspection range",
                    nearest.state().droneId(), nearest.distanceM() / 1000, settings.maxRangeM() / 1000));
        }
        return firstThatCanFly(alertId, point, charged.stream().filter(c -> c.distanceM() <= settings.maxRangeM()).toList());
    }

    /** The nearest candidate with a route and the battery for it; else the nearest one's reason. */
    private Choice firstThatCanFly(String alertId, LatLon point, List<Candidate> inRange) {
        Refused first = null;
        for (Candidate c : inRange) {
            DroneState s = c.state();
            InspectionPlanner.Result route = planner.plan(alertId, c.index(), new LatLon(s.lat(), s.lon()), point);
            Refused refused;
            if (route instanceof InspectionPlanner.Result.Planned planned) {
                Sortie sortie = planned.sortie();
                if (sortie.durationS() <= usableS(s.batteryPercent())) {
                    return new Chosen(s.droneId(), c.index(), c.distanceM(), sortie);
                }
                refused = refused(Reason.LOW_BATTERY, String.format(Locale.ROOT,
                        "%s at %.0f %% cannot fly the %.1f min inspection and keep its %.0f %% reserve", s.droneId(),
                        s.batteryPercent(), sortie.durationS() / 60, settings.flight().reserve() * 100));
            } else {
                refused = refused(Reason.NO_ROUTE, ((InspectionPlanner.Result.Refused) route).reason());
            }
            first = first == null ? refused : first;
        }
        return first;
    }

    /** Seconds of flight the battery holds beyond the reserve. */
    private double usableS(double batteryPercent) {
        FleetParameters flight = settings.flight();
        return flight.enduranceMin() * 60 * (batteryPercent / 100 - flight.reserve());
    }

    /** Why a drone cannot take off now; null when it can. */
    static String unready(DroneState s) {
        if (s.inAir()) {
            return s.droneId() + " is in the air";
        }
        if (s.armed()) {
            return s.droneId() + " is armed";
        }
        if (!s.positionKnown() || !s.gpsFix()) {
            return s.droneId() + " has no position fix";
        }
        if (!s.homeSet()) {
            return s.droneId() + " has no home position";
        }
        return null;
    }

    private static String battery(DroneState s) {
        return Double.isNaN(s.batteryPercent()) ? s.droneId() + " battery unknown"
                : String.format(Locale.ROOT, "%s at %.0f %%", s.droneId(), s.batteryPercent());
    }

    private static double distanceM(DroneState s, LatLon point) {
        return new LatLon(s.lat(), s.lon()).distanceM(point);
    }

    private static Refused refused(Reason reason, String message) {
        return new Refused(new InspectionRefusal(reason, message));
    }
}
