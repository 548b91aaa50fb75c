package org.winterwatch.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Simulated time: the only source of "now" for the simulated world, and for the coordinator when it
 * runs against the simulator ({@link #asClock()}).
 *
 * <p>Time moves only through {@link #advance(Duration)}. A real-time clock ({@link #startingAt}) is
 * advanced by the {@link Simulator}'s world loop in fixed real-time ticks of {@link #TICK} real time,
 * each worth {@code TICK * speedup} simulated; a manual clock ({@link #manual}) only moves when a test
 * calls {@code advance} or {@link Simulator#step(Duration)}. The same tick sequence always gives the
 * same simulated times, which keeps runs deterministic for a seed.
 */
public final class SimClock {

    /** Real-time length of one world tick for a real-time clock. */
    public static final Duration TICK = Duration.ofMillis(50);

    /** Called after each advance with the simulated instants before and after it. */
    @FunctionalInterface
    public interface AdvanceListener {
        void advanced(Instant from, Instant to);
    }

    private final boolean manual;
    private final double speedup;
    private final List<AdvanceListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Instant now;

    private SimClock(Instant t0, double speedup, boolean manual) {
        this.now = Objects.requireNonNull(t0, "t0");
        this.speedup = speedup;
        this.manual = manual;
    }

    /** A clock that runs {@code speedup} simulated seconds per real second once a simulator ticks it. */
    public static SimClock startingAt(Instant t0, double speedup) {
        if (!Double.isFinite(speedup) || speedup <= 0 || speedup > 10_000) {
            throw new IllegalArgumentException("speedup must be within (0, 10000] simulated seconds per real second, was " + speedup);
        }
        return new SimClock(t0, speedup, false);
    }

    /** A clock that moves only when a test advances it. */
    public static SimClock manual(Instant t0) {
        return new SimClock(t0, 0, true);
    }

    public Instant now() {
        return now;
    }

    /** Simulated seconds per real second; 0 for a manual clock. */
    public double speedup() {
        return speedup;
    }

    public boolean isManual() {
        return manual;
    }

    /** Simulated time that one real-time tick is worth. */
    public Duration tickDuration() {
        if (manual) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.round(TICK.toNanos() * speedup));
    }

    /**
     * Moves simulated time forward and lets the world catch up (listeners run on the caller's thread,
     * one advance at a time).
     */
    public synchronized void advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("simulated time never goes back, was asked to advance by " + by);
        }
        if (by.isZero()) {
            return;
        }
        Instant from = now;
        Instant to = from.plus(by);
        now = to;
        for (AdvanceListener listener : listeners) {
            listener.advanced(from, to);
        }
    }

    /** Registers a listener; returns a handle that removes it. */
    public Runnable onAdvance(AdvanceListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** A {@link java.time.Clock} view of simulated time (UTC unless re-zoned). */
    public Clock asClock() {
        return new View(ZoneOffset.UTC);
    }

    private final class View extends Clock {
        private final ZoneId zone;

        View(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new View(newZone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Override
    public String toString() {
        return manual ? "SimClock[manual, now=" + now + "]" : "SimClock[speedup=" + speedup + ", now=" + now + "]";
    }
}
