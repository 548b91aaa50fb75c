package org.winterwatch.simulator.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.SimPerson;
import org.winterwatch.simulator.world.FixedSensorSpec;

/**
 * A sensor fixed at a site (a motion sensor in an ATM lobby, a thermal camera at a culvert mouth). Every
 * {@code periodS} of simulated time it looks: each person present within range is reported (a motion
 * sensor almost always fires; a thermal camera by contrast, half-hampered by occlusion since it looks in
 * from the side), and spurious triggers arrive as a Poisson process at {@code falsePerHour}.
 */
public final class FixedSensor {

    static final double MOTION_PROBABILITY = 0.95;
    private static final double POSITION_NOISE_M = 1.0;
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private final FixedSensorSpec spec;
    private final List<SimPerson> people;
    private final double ambientTempC;
    private final Instant startedAt;
    private final Random random;
    private Instant nextLookAt;
    private long sequence;

    public FixedSensor(FixedSensorSpec spec, List<SimPerson> people, double ambientTempC, long seed, Instant startedAt) {
        this.spec = spec;
        this.people = List.copyOf(people);
        this.ambientTempC = ambientTempC;
        this.startedAt = startedAt;
        this.random = new Random(seed);
        this.nextLookAt = startedAt.plus(period());
    }

    public String sensorId() {
        return spec.id();
    }

    private Duration period() {
        return Duration.ofMillis(Math.round(spec.periodS() * 1000));
    }

    /** The detections due up to {@code at}; called only from the world loop. */
    public List<Detection> look(Instant at) {
        List<Detection> found = new ArrayList<>();
        while (!nextLookAt.isAfter(at)) {
            lookOnce(nextLookAt, found);
            nextLookAt = nextLookAt.plus(period());
        }
        return found;
    }

    private void lookOnce(Instant at, List<Detection> found) {
        double tS = Duration.between(startedAt, at).toMillis() / 1000.0;
        for (SimPerson person : people) {
            if (!person.presentAt(tS)) {
                continue;
            }
            LatLon position = person.positionAt(tS);
            if (position.distanceM(spec.position()) > spec.rangeM()) {
                continue;
            }
            double p = spec.kind() == FixedSensorSpec.Kind.MOTION ? MOTION_PROBABILITY
                    : ThermalCamera.detectionProbability(ThermalCamera.MIN_ALTITUDE_M, person.surfaceTempC() - ambientTempC,
                            person.occlusion() / 2);
            if (random.nextDouble() < p) {
                found.add(report(spec.kind() == FixedSensorSpec.Kind.MOTION ? spec.position() : jitter(position),
                        person.surfaceTempC(), 0.7 + 0.25 * random.nextDouble(), at));
            }
        }
        double expected = spec.falsePerHour() * spec.periodS() / 3600;
        if (expected > 0 && random.nextDouble() < 1 - Math.exp(-expected)) {
            found.add(report(spec.position(), ambientTempC + 8, 0.5 + 0.15 * random.nextDouble(), at));
        }
    }

    private LatLon jitter(LatLon p) {
        double northM = random.nextGaussian() * POSITION_NOISE_M;
        double eastM = random.nextGaussian() * POSITION_NOISE_M;
        return new LatLon(p.lat() + Math.toDegrees(northM / EARTH_RADIUS_M),
                p.lon() + Math.toDegrees(eastM / (EARTH_RADIUS_M * Math.cos(Math.toRadians(p.lat())))));
    }

    private Detection report(LatLon p, double tempC, double confidence, Instant at) {
        boolean motion = spec.kind() == FixedSensorSpec.Kind.MOTION;
        return new Detection(spec.id() + "-" + at.toEpochMilli() + "-" + (++sequence), spec.id(), p.lat(), p.lon(), at,
                confidence, motion ? Double.NaN : tempC, spec.siteId(), Double.NaN,
                motion ? Detection.MOTION : Detection.KIND);
    }
}
