package org.winterwatch.simulator.teams;

import java.util.Objects;
import org.winterwatch.geo.LatLon;

/**
 * A simulated ground team (scenario {@code teams[]}): where its crews start, how many there are, how fast they
 * move through the streets and when they are on shift.
 *
 * @param id the team id, as in the site layer's {@code team} and the MQTT topics {@code alerts/{id}}, {@code acks/{id}}
 * @param base where the crews start, and where they bring people to the relief centre
 * @param vehicles crews, each taking one case at a time
 * @param speedKmh door-to-door street speed, stops and parking included
 * @param shiftStartS when the team comes on shift (simulated seconds after the start)
 * @param shiftEndS when it goes off shift: it takes no new case after this
 * @param ackMinS the quickest a crew reads its phone and accepts a case
 * @param ackMaxS the slowest
 */
public record TeamSpec(String id, LatLon base, int vehicles, double speedKmh, double shiftStartS, double shiftEndS,
                       double ackMinS, double ackMaxS) {

    public static final double DEFAULT_SPEED_KMH = 25;
    public static final double DEFAULT_ACK_MIN_S = 20;
    public static final double DEFAULT_ACK_MAX_S = 90;

    public TeamSpec {
        if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("id must be 1-64 of A-Z a-z 0-9 . _ - (it is a topic level), was '" + id + "'");
        }
        Objects.requireNonNull(base, "base");
        if (vehicles < 1 || vehicles > 50) {
            throw new IllegalArgumentException("vehicles must be within 1..50, was " + vehicles);
        }
        if (!(speedKmh >= 3 && speedKmh <= 120)) {
            throw new IllegalArgumentException("speedKmh must be within 3..120, was " + speedKmh);
        }
        if (!(shiftStartS >= 0) || !(shiftEndS > shiftStartS)) {
            throw new IllegalArgumentException("shift must have 0 <= startS < endS, was " + shiftStartS + ".." + shiftEndS);
        }
        if (!(ackMinS >= 0) || !(ackMaxS >= ackMinS) || ackMaxS > 3600) {
            throw new IllegalArgumentException("ackDelayS must have 0 <= min <= max <= 3600, was " + ackMinS + ".." + ackMaxS);
        }
    }

    /** A team on shift for the whole run, with the default speed and reaction time. */
    public TeamSpec(String id, LatLon base, int vehicles) {
        this(id, base, vehicles, DEFAULT_SPEED_KMH, 0, Double.POSITIVE_INFINITY, DEFAULT_ACK_MIN_S, DEFAULT_ACK_MAX_S);
    }

    public boolean onShiftAt(double tS) {
        return tS >= shiftStartS && tS < shiftEndS;
    }

    /** Seconds a crew needs to drive between two points: the straight line times a street detour factor. */
    public double driveS(LatLon from, LatLon to) {
        return from.distanceM(to) * STREET_DETOUR / (speedKmh / 3.6);
    }

    /** Streets are longer than the straight line; 1.3 is a usual ratio of road to straight-line distance in a city. */
    static final double STREET_DETOUR = 1.3;
}
