package org.winterwatch.missions.allocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How long the solver may search and from which seed.
 *
 * <p>A search stops at the first of: {@code timeLimit}, {@code maxIterations}, or {@code stallIterations}
 * iterations without a better plan ({@link #stallLevels()}: shorter searches first). The same problem, seed and
 * iteration counts give the same plan; only a run cut short by the clock depends on the machine's speed.
 *
 * @param timeLimit       wall-clock bound of the search (the construction of the first plan included)
 * @param seed            the solver's random seed
 * @param maxIterations   upper bound of ruin-and-recreate iterations
 * @param stallIterations iterations without improvement after which the search ends
 */
public record SolverSettings(Duration timeLimit, long seed, int maxIterations, int stallIterations) {

    public static final long DEFAULT_SEED = 12;
    public static final int DEFAULT_MAX_ITERATIONS = 20_000;
    static final int STALL_PER_SECOND = 20;
    static final int MIN_STALL = 20;
    static final int MAX_STALL = 400;

    public SolverSettings {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the solver needs some time, was " + timeLimit);
        }
        if (maxIterations < 0 || stallIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 0 and stallIterations >= 1");
        }
    }

    /**
     * The default seed, with {@code timeLimit} and a search that grows with it: {@value #STALL_PER_SECOND} iterations
     * without improvement per second of the limit, between {@value #MIN_STALL} and {@value #MAX_STALL} (5 s: 100,
     * 20 s and more: 400), which on a two-core machine ends well within the limit for 1,000 sites.
     */
    public static SolverSettings within(Duration timeLimit) {
        long stall = Math.round(STALL_PER_SECOND * timeLimit.toMillis() / 1000.0);
        return new SolverSettings(timeLimit, DEFAULT_SEED, DEFAULT_MAX_ITERATIONS,
                (int) Math.max(MIN_STALL, Math.min(MAX_STALL, stall)));
    }

    /** The shortest of several searches: each level below the last is half the next, and at least this. */
    static final int SHORTEST_LEVEL = 100;

    /**
     * The searches the solver runs one after another, shortest first, keeping the best: the stall bound, halved
     * while the half is at least {@value #SHORTEST_LEVEL}. One level up to 5 s (100), then 100 and 200 (10 s), up to
     * 100, 200 and 400 (20 s and more).
     */
    public List<Integer> stallLevels() {
        List<Integer> levels = new ArrayList<>(List.of(stallIterations));
        while (levels.get(0) / 2 >= SHORTEST_LEVEL) {
            levels.add(0, levels.get(0) / 2);
        }
        return List.copyOf(levels);
    }

    /** The same settings with another bound of iterations without improvement. */
    public SolverSettings withStallIterations(int newStall) {
        return new SolverSettings(timeLimit, seed, maxIterations, newStall);
    }

    /** The same settings with another seed. */
    public SolverSettings withSeed(long newSeed) {
        return new SolverSettings(timeLimit, newSeed, maxIterations, stallIterations);
    }
}
