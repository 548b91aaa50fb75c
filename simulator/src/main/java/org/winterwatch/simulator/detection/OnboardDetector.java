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
import org.winterwatch.simulator.world.Decoy;

/**
 * One drone's onboard detector: looks at each world step's ground track through the thermal camera. A
 * person (or a warm decoy) inside the footprint is looked at once per {@link #LOOK_INTERVAL}; each look
 * finds them with the probability {@link ThermalCamera#detectionProbability} gives for the altitude,
 * temperature contrast and occlusion (a decoy: times its own probability). Whatever is found is reported
 * at most once per {@link #REPORT_INTERVAL}. Position noise, confidence and the rolls come from a seeded
 * random, so a run is repeatable.
 */
public final class OnboardDetector {

    public static final Duration REPORT_INTERVAL = Duration.ofSeconds(60);
    /** A target that stays in view is looked at again after this long (a hovering drone keeps trying). */
    public static final Duration LOOK_INTERVAL = Duration.ofSeconds(5);
    static final double POSITION_NOISE_M = 2.0;
    static final double MIN_CONFIDENCE = 0.55;
    static final double MAX_CONFIDENCE = 0.97;
    static final double MAX_DECOY_CONFIDENCE = 0.75;
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private final String droneId;
    private final List<SimPerson> people;
    private final List<Decoy> decoys;
    private final double ambientTempC;
    private final Instant startedAt;
    private final Random random;
    private final Map<String, Instant> lastReported = new HashMap<>();
    private final Map<String, Instant> lastLooked = new HashMap<>();
    private long sequence;

    public OnboardDetector(String droneId, List<SimPerson> people, double ambientTempC, long seed) {
        this(droneId, people, List.of(), ambientTempC, seed, null);
    }

    /**
     * @param startedAt simulated start, from which people's arrival and departure count (null: everyone is there)
     */
    public OnboardDetector(String droneId, List<SimPerson> people, List<Decoy> decoys, double ambientTempC, long seed,
                           Instant startedAt) {
        this.droneId = droneId;
        this.people = List.copyOf(people);
        this.decoys = List.copyOf(decoys);
        this.ambientTempC = ambientTempC;
        this.startedAt = startedAt;
        this.random = new Random(seed);
    }

    /** The detections for one world step; called only from the world loop. */
    public List<Detection> look(SimDrone.Leg leg, Instant at) {
        double altitudeM = Math.min(leg.fromAltitudeM(), leg.toAltitudeM());
        if (!leg.cameraOn() || altitudeM < ThermalCamera.MIN_ALTITUDE_M) {
            return List.of();
        }
        double tS = startedAt == null ? 0 : Duration.between(startedAt, at).toMillis() / 1000.0;
        double halfWidthM = ThermalCamera.halfWidthM(altitudeM);
        List<Detection> found = new ArrayList<>();
        for (SimPerson person : people) {
            if (!person.presentAt(tS)) {
                continue;
            }
            LatLon position = person.positionAt(tS);
            double distanceM = ThermalCamera.distanceToSegmentM(position, leg.from(), leg.to());
            if (distanceM > halfWidthM || !lookNow(person.id(), at)) {
                continue;
            }
            double contrastC = person.surfaceTempC() - ambientTempC;
            double p = ThermalCamera.detectionProbability(altitudeM, contrastC, person.occlusion());
            if (random.nextDouble() >= p) {
                continue;
            }
            lastReported.put(person.id(), at);
            found.add(detect(position, person.surfaceTempC(), person.siteId(), contrastC, distanceM / halfWidthM,
                    MAX_CONFIDENCE, leg.headingDeg(), at));
        }
        for (Decoy decoy : decoys) {
            double distanceM = ThermalCamera.distanceToSegmentM(decoy.position(), leg.from(), leg.to());
            if (distanceM > halfWidthM || !lookNow(decoy.id(), at)) {
                continue;
            }
            double contrastC = decoy.tempC() - ambientTempC;
            double p = decoy.probability() * ThermalCamera.detectionProbability(altitudeM, contrastC, 0);
            if (random.nextDouble() >= p) {
                continue;
            }
            lastReported.put(decoy.id(), at);
            found.add(detect(decoy.position(), decoy.tempC(), null, contrastC, distanceM / halfWidthM,
                    MAX_DECOY_CONFIDENCE, leg.headingDeg(), at));
        }
        return found;
    }

    /** True when the target was neither reported within the report interval nor looked at within the look interval. */
    private boolean lookNow(String targetId, Instant at) {
        Instant reported = lastReported.get(targetId);
        if (reported != null && Duration.between(reported, at).compareTo(REPORT_INTERVAL) < 0) {
            return false;
        }
        Instant looked = lastLooked.get(targetId);
        if (looked != null && Duration.between(looked, at).compareTo(LOOK_INTERVAL) < 0) {
            return false;
        }
        lastLooked.put(targetId, at);
        return true;
    }

    private Detection detect(LatLon p, double tempC, String siteId, double contrastC, double offCentre,
                             double maxConfidence, double headingDeg, Instant at) {
        double contrast = Math.max(0, Math.min(1, contrastC / 40));
        double centred = 1 - Math.min(1, offCentre);
        double confidence = MIN_CONFIDENCE + (maxConfidence - MIN_CONFIDENCE)
                * (0.5 * contrast + 0.35 * centred + 0.15 * random.nextDouble());
        confidence = Math.max(MIN_CONFIDENCE, Math.min(maxConfidence, confidence));
        double northM = random.nextGaussian() * POSITION_NOISE_M;
        double eastM = random.nextGaussian() * POSITION_NOISE_M;
        double lat = p.lat() + Math.toDegrees(northM / EARTH_RADIUS_M);
        double lon = p.lon() + Math.toDegrees(eastM / (EARTH_RADIUS_M * Math.cos(Math.toRadians(p.lat()))));
        String id = droneId + "-" + at.toEpochMilli() + "-" + (++sequence);
        return new Detection(id, droneId, lat, lon, at, confidence, tempC, siteId, headingDeg);
    }
}
