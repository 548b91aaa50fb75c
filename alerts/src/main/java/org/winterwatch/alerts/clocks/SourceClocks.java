package org.winterwatch.alerts.clocks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How far each sensor's or drone's clock is off from the coordinator's, so that an operator can see which source
 * to set right before its detections are refused.
 *
 * <p>Each reading is a detection's {@code observedAt} minus the time it was received, both passed in. Network and
 * queueing delay only make that offset smaller, so a positive offset means the source's clock runs ahead by at least
 * that much; a negative one cannot tell a slow clock from a slow path and is kept without a verdict. A source counts
 * as ahead when its latest offset exceeds {@link #AHEAD} (below that is the jitter of clocks kept by NTP).
 *
 * <p>Holds the most recently heard {@code capacity} sources; safe to read from one thread while another records.
 */
public final class SourceClocks {

    /** Sources remembered at most (the ones heard from longest ago are forgotten first). */
    public static final int DEFAULT_CAPACITY = 10_000;
    /** A latest offset above this counts the source as ahead. */
    public static final Duration AHEAD = Duration.ofSeconds(1);
    /** Weight of the newest reading in the smoothed offset. */
    static final double SMOOTHING = 0.2;

    /**
     * One source's clock as last seen.
     *
     * @param last     the latest reading: observedAt minus received time (positive: the source's clock is ahead)
     * @param smoothed an exponentially weighted mean of the readings, the latest weighing {@link #SMOOTHING}
     * @param lastSeen when the latest reading was received (coordinator time)
     */
    public record Offset(String source, Duration last, Duration smoothed, Instant lastSeen, long readings) {

        public Offset {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(last, "last");
            Objects.requireNonNull(smoothed, "smoothed");
            Objects.requireNonNull(lastSeen, "lastSeen");
        }

        public boolean ahead() {
            return last.compareTo(AHEAD) > 0;
        }

        Offset next(Duration reading, Instant receivedAt) {
            long smoothedNanos = smoothed.toNanos() + Math.round(SMOOTHING * (reading.toNanos() - smoothed.toNanos()));
            return new Offset(source, reading, Duration.ofNanos(smoothedNanos), receivedAt, readings + 1);
        }
    }

    /**
     * What the health check shows.
     *
     * @param sources      sources remembered
     * @param sourcesAhead how many of them run ahead
     * @param ahead        those furthest ahead first, at most the number asked for
     */
    public record Report(int sources, int sourcesAhead, List<Offset> ahead) {

        public Report {
            ahead = List.copyOf(ahead);
        }

        /** The source furthest ahead, if any runs ahead. */
        public Optional<Offset> worst() {
            return ahead.isEmpty() ? Optional.empty() : Optional.of(ahead.get(0));
        }
    }

    private final int capacity;
    private final Map<String, Offset> bySource;

    public SourceClocks() {
        this(DEFAULT_CAPACITY);
    }

    public SourceClocks(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.bySource = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Offset> eldest) {
                return size() > SourceClocks.this.capacity;
            }
        };
    }

    /** Notes that {@code source} said {@code observedAt} for a message received at {@code receivedAt}. */
    public synchronized void record(String source, Instant observedAt, Instant receivedAt) {
        Duration reading = Duration.between(receivedAt, observedAt);
        Offset known = bySource.remove(source); // put back last: the map runs from least to most recently heard
        bySource.put(source, known == null ? new Offset(source, reading, reading, receivedAt, 1) : known.next(reading, receivedAt));
    }

    public synchronized Optional<Offset> of(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    /** The sources that run ahead, furthest first, at most {@code limit} of them listed. */
    public synchronized Report report(int limit) {
        List<Offset> ahead = new ArrayList<>();
        for (Offset o : bySource.values()) {
            if (o.ahead()) {
                ahead.add(o);
            }
        }
        ahead.sort(Comparator.comparing(Offset::last).reversed().thenComparing(Offset::source));
        return new Report(bySource.size(), ahead.size(), ahead.subList(0, Math.min(limit, ahead.size())));
    }
}
