package org.winterwatch.simulator.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.SimPerson;
import org.winterwatch.simulator.flight.SimDrone;

/**
 * One drone's onboard detector: looks at each world step's ground track through the thermal camera
 * and reports the people in view, each at most once per {@link #REPORT_INTERVAL} of simulated time.
 * Position noise and confidence come from a seeded random, so a run is repeatable.
 */
public final class OnboardDetector {

    public static final Duration REPORT_INTERVAL = Duration.ofSeconds(60);
    static final double POSITION_NOISE_M = 2.0;
    static final double MIN_CONFIDENCE = 0.55;
    static final double MAX_CONFIDENCE = 0.97;
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private final String droneId;
    private final List<SimPerson> people;
    private final double ambientTempC;
    private final Random random;
    private final Map<String, Instant> lastReported = new HashMap<>();
    private long sequence;

    public OnboardDetector(String droneId, List<SimPerson> people, double ambientTempC, long seed) {
        this.droneId = droneId;
        this.people = List.copyOf(people);
        this.ambientTempC = ambientTempC;
        this.random = new Random(seed);
    }

    /** The detections for one world step; called only from the world loop. */
    public List<Detection> look(SimDrone.Leg leg, Instant at) {
        double altitudeM = Math.min(leg.fromAltitudeM(), leg.toAltitudeM());
        if (!leg.cameraOn() || altitudeM < ThermalCamera.MIN_ALTITUDE_M) {
            return List.of();
        }
        double halfWidthM = ThermalCamera.halfWidthM(altitudeM);
        List<Detection> found = new ArrayList<>();
        for (SimPerson person : people) {
            double distanceM = ThermalCamera.distanceToSegmentM(person.position(), leg.from(), leg.to());
            if (distanceM > halfWidthM || reportedRecently(person, at)) {
                continue;
            }
            lastReported.put(person.id(), at);
            found.add(detect(person, distanceM / halfWidthM, leg.headingDeg(), at));
        }
        return found;
    }

    private boolean reportedRecently(SimPerson person, Instant at) {
        Instant last = lastReported.get(person.id());
        return last != null && Duration.between(last, at).compareTo(REPORT_INTERVAL) < 0;
    }

    private Detection detect(SimPerson person, double offCentre, double headingDeg, Instant at) {
        double contrast = Math.max(0, Math.min(1, (person.surfaceTempC() - ambientTempC) / 40));
        double centred = 1 - Math.min(1, offCentre);
        double confidence = MIN_CONFIDENCE + (MAX_CONFIDENCE - MIN_CONFIDENCE)
                * (0.5 * contrast + 0.35 * centred + 0.15 * random.nextDouble());
        confidence = Math.max(MIN_CONFIDENCE, Math.min(MAX_CONFIDENCE, confidence));
        double northM = random.nextGaussian() * POSITION_NOISE_M;
        double eastM = random.nextGaussian() * POSITION_NOISE_M;
        LatLon p = person.position();
        double lat = p.lat() + Math.toDegrees(northM / EARTH_RADIUS_M);
        double lon = p.lon() + Math.toDegrees(eastM / (EARTH_RADIUS_M * Math.cos(Math.toRadians(p.lat()))));
        String id = droneId + "-" + at.toEpochMilli() + "-" + (++sequence);
        return new Detection(id, droneId, lat, lon, at, confidence, person.surfaceTempC(), person.siteId(), headingDeg);
    }
}
