package org.winterwatch.simulator;

import java.util.List;
import java.util.Objects;
import org.winterwatch.geo.LatLon;

/**
 * A person out in the cold whom the simulated thermal cameras and motion sensors can see.
 *
 * @param surfaceTempC skin/clothing surface temperature seen by the camera (about 30)
 * @param siteId the demo-layer site the person shelters at, or null
 * @param arriveAtS simulated seconds after the start when the person arrives (0: there from the start)
 * @param departAtS when the person leaves (infinity: stays)
 * @param occlusion share of the person hidden from above (0 open ground, 0.6 under a bridge deck, 0.5 in a culvert mouth)
 * @param route where the person walks, back and forth, from {@code position} (empty: stays still)
 * @param walkSpeedMps walking speed along the route
 * @param needs what a ground team finds when it reaches them (age, time already out, what they accept)
 */
public record SimPerson(String id, LatLon position, double surfaceTempC, String siteId, double arriveAtS,
                        double departAtS, double occlusion, List<LatLon> route, double walkSpeedMps, PersonNeeds needs) {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    public SimPerson {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("person id must not be blank");
        }
        Objects.requireNonNull(position, "position of person " + id);
        if (!Double.isFinite(surfaceTempC) || surfaceTempC < -60 || surfaceTempC > 60) {
            throw new IllegalArgumentException("surfaceTempC of person " + id + " must be within -60..60, was " + surfaceTempC);
        }
        if (siteId != null && siteId.isBlank()) {
            siteId = null;
        }
        if (!(arriveAtS >= 0) || Double.isInfinite(arriveAtS)) {
            throw new IllegalArgumentException("arriveAtS of person " + id + " must be >= 0, was " + arriveAtS);
        }
        if (!(departAtS > arriveAtS)) {
            throw new IllegalArgumentException("departAtS of person " + id + " must be after arriveAtS, was " + departAtS);
        }
        if (!(occlusion >= 0 && occlusion <= 1)) {
            throw new IllegalArgumentException("occlusion of person " + id + " must be within 0..1, was " + occlusion);
        }
        route = List.copyOf(route);
        if (!route.isEmpty() && !(walkSpeedMps > 0 && walkSpeedMps <= 5)) {
            throw new IllegalArgumentException("walkSpeedMps of moving person " + id + " must be within (0, 5], was " + walkSpeedMps);
        }
        if (needs == null) {
            needs = PersonNeeds.UNKNOWN;
        }
    }

    /** A person whose needs the dice decide. */
    public SimPerson(String id, LatLon position, double surfaceTempC, String siteId, double arriveAtS,
                     double departAtS, double occlusion, List<LatLon> route, double walkSpeedMps) {
        this(id, position, surfaceTempC, siteId, arriveAtS, departAtS, occlusion, route, walkSpeedMps, PersonNeeds.UNKNOWN);
    }

    /** A person who stays still, in the open, for the whole run. */
    public SimPerson(String id, LatLon position, double surfaceTempC, String siteId) {
        this(id, position, surfaceTempC, siteId, 0, Double.POSITIVE_INFINITY, 0, List.of(), 0, PersonNeeds.UNKNOWN);
    }

    /** The people of the bundled demo scenario, sheltering at sites of the demo layer. */
    public static List<SimPerson> demoPeople() {
        return Scenario.demo().people();
    }

    /** True while the person is there ({@code tS}: simulated seconds since the start). */
    public boolean presentAt(double tS) {
        return tS >= arriveAtS && tS < departAtS;
    }

    /** Where the person is at {@code tS}: walking the route back and forth at {@code walkSpeedMps}. */
    public LatLon positionAt(double tS) {
        if (route.isEmpty()) {
            return position;
        }
        double walkedM = Math.max(0, tS - arriveAtS) * walkSpeedMps;
        double lengthM = 0;
        LatLon prev = position;
        for (LatLon p : route) {
            lengthM += distanceM(prev, p);
            prev = p;
        }
        if (lengthM == 0) {
            return position;
        }
        double along = walkedM % (2 * lengthM);
        if (along > lengthM) {
            along = 2 * lengthM - along;
        }
        prev = position;
        for (LatLon p : route) {
            double legM = distanceM(prev, p);
            if (along <= legM) {
                double f = legM == 0 ? 0 : along / legM;
                return new LatLon(prev.lat() + (p.lat() - prev.lat()) * f, prev.lon() + (p.lon() - prev.lon()) * f);
            }
            along -= legM;
            prev = p;
        }
        return prev;
    }

    private static double distanceM(LatLon a, LatLon b) {
        double north = Math.toRadians(b.lat() - a.lat()) * EARTH_RADIUS_M;
        double east = Math.toRadians(b.lon() - a.lon()) * EARTH_RADIUS_M * Math.cos(Math.toRadians(a.lat()));
        return Math.hypot(north, east);
    }
}
