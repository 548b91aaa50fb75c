package org.winterwatch.missions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.projection.LocalProjection;
import org.winterwatch.geo.transit.SafeTransit;

/**
 * Packs one drone's visits into sorties that each fit one battery, splitting a sweep that is too
 * long for one sortie at the furthest point from which the drone can still get home.
 *
 * <p>Works in metres in the planner's projection, from a home point (the drone's base; the origin when there
 * is one home for all); budgets are horizontal metres, i.e. the usable sortie time less climb and descent,
 * times the speed.
 */
final class SortieBuilder {

    /** A fresh sortie must be able to sweep at least this far, or the site counts as out of reach. */
    static final double MIN_PROGRESS_M = 100;
    private static final double EPSILON_M = 1e-6;

    private record Leg(Coordinate to, boolean cameraOn, String siteId, double holdS) { }

    private final int droneIndex;
    private final FleetParameters parameters;
    private final SafeTransit transit;
    private final LocalProjection projection;
    private final double budgetM;
    private final Coordinate home;

    private final List<Sortie> sorties = new ArrayList<>();
    private final List<UnassignedSite> unassigned = new ArrayList<>();
    private List<Leg> legs = new ArrayList<>();
    private Set<String> siteIds = new LinkedHashSet<>();
    private Coordinate position;
    private double flownM;
    /** Hover time of the open sortie, counted against the budget as the metres it could have flown. */
    private double dwellS;

    SortieBuilder(int droneIndex, FleetParameters parameters, SafeTransit transit, LocalProjection projection) {
        this(droneIndex, parameters, transit, projection, new Coordinate(0, 0));
    }

    /** A builder for a drone taking off and landing at {@code home} (metres in {@code projection}). */
    SortieBuilder(int droneIndex, FleetParameters parameters, SafeTransit transit, LocalProjection projection,
                  Coordinate home) {
        this.droneIndex = droneIndex;
        this.home = new Coordinate(home);
        this.position = this.home;
        this.parameters = parameters;
        this.transit = transit;
        this.projection = projection;
        this.budgetM = budgetM(parameters);
    }

    /** Horizontal metres one sortie may fly. */
    static double budgetM(FleetParameters parameters) {
        return (parameters.usableSortieS() - parameters.verticalS()) * parameters.speedMps();
    }

    void add(String siteId, List<Coordinate> path) {
        add(siteId, path, 0);
    }

    /** Adds a site's path; {@code holdS} is hovered at its last point (a hover over a point site). */
    void add(String siteId, List<Coordinate> path, double holdS) {
        double needed = length(transit.route(position, path.get(0))) + length(path)
                + length(transit.route(path.get(path.size() - 1), home)) + holdS * parameters.speedMps();
        if (usedM() + needed <= budgetM) {
            transitTo(path.get(0));
            for (Coordinate c : path) {
                sweepTo(c, siteId);
            }
            if (holdS > 0) {
                Leg last = legs.remove(legs.size() - 1);
                legs.add(new Leg(last.to(), true, siteId, holdS));
                dwellS += holdS;
            }
        } else if (!legs.isEmpty()) {
            close();
            add(siteId, path, holdS);
        } else if (holdS > 0) {
            unassigned.add(new UnassignedSite(siteId, "out of reach: the flight there, the hover and the way back"
                    + " exceed one battery"));
        } else {
            split(siteId, path);
        }
    }

    /** Budget used so far: metres flown plus hover time as metres. */
    private double usedM() {
        return flownM + dwellS * parameters.speedMps();
    }

    /** Closes the open sortie, if any: what is added next starts a new one. */
    void endSortie() {
        close();
    }

    /** Closes the open sortie and returns every sortie built. */
    List<Sortie> finish() {
        close();
        return List.copyOf(sorties);
    }

    List<UnassignedSite> unassigned() {
        return List.copyOf(unassigned);
    }

    private void split(String siteId, List<Coordinate> path) {
        List<Coordinate> remaining = new ArrayList<>(path);
        while (!remaining.isEmpty()) {
            Coordinate start = remaining.get(0);
            double roundTrip = length(transit.route(home, start)) + length(transit.route(start, home));
            if (roundTrip > budgetM - MIN_PROGRESS_M) {
                unassigned.add(new UnassignedSite(siteId, String.format(Locale.ROOT,
                        "out of reach: the round trip of %.0f m to %s exceeds one battery (%.0f m at %.1f m/s)",
                        roundTrip, remaining.size() == path.size() ? "the site" : "the rest of its sweep",
                        budgetM, parameters.speedMps())));
                resetSortie();
                return;
            }
            transitTo(start);
            sweepTo(start, siteId);
            int k = 1;
            while (k < remaining.size() && fits(remaining.get(k), 0)) {
                sweepTo(remaining.get(k), siteId);
                k++;
            }
            if (k == remaining.size()) {
                return;
            }
            Coordinate stop = furthestReachable(remaining.get(k - 1), remaining.get(k));
            if (stop == null && k == 1) {
                unassigned.add(new UnassignedSite(siteId, "out of reach: no part of its sweep fits one battery"));
                resetSortie();
                return;
            }
            List<Coordinate> rest = new ArrayList<>();
            if (stop != null) {
                sweepTo(stop, siteId);
                rest.add(stop);
            } else {
                rest.add(remaining.get(k - 1));
            }
            rest.addAll(remaining.subList(k, remaining.size()));
            close();
            remaining = rest;
        }
    }

    /** Whether sweeping on to {@code next} still leaves enough to fly home. */
    private boolean fits(Coordinate next, double extraM) {
        return usedM() + position.distance(next) + extraM + length(transit.route(next, home)) <= budgetM;
    }

    /** The furthest point between {@code a} (where the drone is) and {@code b} it can sweep to and still get home. */
    private Coordinate furthestReachable(Coordinate a, Coordinate b) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            if (fits(lerp(a, b, mid), 0)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Coordinate stop = lerp(a, b, lo);
        return a.distance(stop) > 1 && fits(stop, 0) ? stop : null;
    }

    private void transitTo(Coordinate target) {
        List<Coordinate> route = transit.route(position, target);
        for (int i = 1; i < route.size() - 1; i++) {
            append(new Leg(route.get(i), false, null, 0));
        }
    }

    private void sweepTo(Coordinate c, String siteId) {
        siteIds.add(siteId);
        if (position.distance(c) > EPSILON_M || legs.isEmpty()) {
            append(new Leg(c, true, siteId, 0));
        }
    }

    private void append(Leg leg) {
        flownM += position.distance(leg.to());
        legs.add(leg);
        position = leg.to();
    }

    private void close() {
        if (legs.isEmpty()) {
            return;
        }
        List<Coordinate> back = transit.route(position, home);
        for (int i = 1; i < back.size(); i++) {
            append(new Leg(back.get(i), false, null, 0));
        }
        if (position.distance(home) > EPSILON_M) {
            append(new Leg(home, false, null, 0));
        }
        double altitudeM = parameters.coverage().altitudeM();
        List<Waypoint> waypoints = legs.stream().map(l -> {
            LatLon p = projection.toLatLon(l.to());
            return new Waypoint(p.lat(), p.lon(), altitudeM, parameters.speedMps(), l.cameraOn(), l.siteId(), l.holdS());
        }).toList();
        double durationS = parameters.durationS(flownM) + dwellS;
        if (durationS > parameters.usableSortieS() + 1e-6) {
            throw new IllegalStateException("sortie of drone " + droneIndex + " overruns its battery: " + durationS + " s");
        }
        sorties.add(new Sortie(droneIndex, sorties.size() + 1, waypoints, List.copyOf(siteIds), flownM, durationS));
        resetSortie();
    }

    private void resetSortie() {
        legs = new ArrayList<>();
        siteIds = new LinkedHashSet<>();
        position = home;
        flownM = 0;
        dwellS = 0;
    }

    private static Coordinate lerp(Coordinate a, Coordinate b, double t) {
        return new Coordinate(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
    }

    static double length(List<Coordinate> path) {
        double sum = 0;
        for (int i = 0; i + 1 < path.size(); i++) {
            sum += path.get(i).distance(path.get(i + 1));
        }
        return sum;
    }
}
