package org.winterwatch.missions.allocation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares tasks among the drones of one or several bases: who flies which task, on which sortie, in what order, so
 * that the last task is swept as early as possible (the makespan, battery changes included).
 *
 * <p>With one base, one jsprit search ({@link JspritSearch}) does it all. With several, one jsprit search over the
 * whole city is slow to even the bases out (an iteration moves a few tasks, evening out takes chains of moves from
 * base to base: on a synthetic layer of 1,000 sites it ran about 130 iterations in 5 s and left the busiest drone
 * 43 % above the mean).
 * So the city is shared first and each base solved on its own:
 * <ol>
 *   <li>tasks go to bases by a weighted Voronoi partition whose weights even out the estimated work per drone
 *       ({@link BasePartition}); in {@value #ROUNDS} rounds, each base's estimates are calibrated against a quick
 *       rough plan of its part ({@link SweepEstimate}), and the round whose busiest base is least busy wins;</li>
 *   <li>jsprit plans each base, briefly (bases in parallel, each with its own seed);</li>
 *   <li>the busiest base hands tasks to bases that land earlier, as long as that brings the last landing forward
 *       ({@link Descent});</li>
 *   <li>the bases that land last are searched again at length, and keep the better plan;</li>
 *   <li>with a window, what a base had no time for is offered once to the bases with time left
 *       ({@link WindowSpill}).</li>
 * </ol>
 * Tasks no drone reaches, and tasks a window has no room for once higher priorities are in, come back as
 * {@link Refusal}s.
 *
 * <p>All of it runs once per level of {@link SolverSettings#stallLevels()} (one level for a short time limit, then
 * longer searches as the limit grows), and the best allocation wins: a longer limit never gives a worse plan.
 *
 * <p>Deterministic: every step is bounded by counts, not by the clock, so the same problem and settings give the
 * same allocation; the time limit only guards, and cuts the search short on a machine too slow for it.
 */
public final class SortieSolver {

    /** Rounds of sharing and calibrating. */
    static final int ROUNDS = 8;

    /** Every base's first plan, and the replanning while evening out, search this many times less than the last. */
    static final int QUICK_SHARE = 4;

    /** Shares of the time limit by which the first plans, and the evening out, must be done. */
    static final double QUICK_TIME_SHARE = 0.7;
    static final double DESCENT_TIME_SHARE = 0.9;

    /** Bases landing within this share of the latest are searched again at length. */
    static final double CRITICAL_SHARE = 0.97;
    private static final long POLISH_SEED_OFFSET = 1_000;

    /** Steps of evening out after jsprit ({@link Descent}). */
    static final int DESCENT_STEPS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(SortieSolver.class);

    private final Clock clock;

    public SortieSolver(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Allocation solve(AllocationProblem problem, SolverSettings settings) {
        long started = clock.millis();
        long deadline = started + settings.timeLimit().toMillis();
        Reach reach = Reach.of(problem);
        BasePartition partition = new BasePartition(problem, reach.reachable());
        List<Integer> levels = settings.stallLevels();
        Allocation best = null;
        int iterations = 0;
        for (int i = 0; i < levels.size() && (i == 0 || clock.millis() < deadline); i++) {
            long now = clock.millis();
            int rest = levels.subList(i, levels.size()).stream().mapToInt(Integer::intValue).sum();
            long levelDeadline = now + (deadline - now) * levels.get(i) / rest;
            SolverSettings level = settings.withStallIterations(levels.get(i));
            Allocation found = partition.bases().size() == 1
                    ? JspritSearch.run(problem, level, levelDeadline, clock)
                    : searchBases(problem, reach, partition, level, now, levelDeadline);
            LOG.debug("level={} makespanS={} ms={}", levels.get(i), Math.round(found.makespanS()), clock.millis() - started);
            iterations += found.iterations();
            if (best == null || found.leftOutWeight() < best.leftOutWeight()
                    || found.leftOutWeight() == best.leftOutWeight() && found.makespanS() < best.makespanS() - 1e-6) {
                best = found;
            }
        }
        return new Allocation(best.sorties(), best.refused(), best.makespanS(), iterations, clock.millis() - started);
    }

    /** One search over several bases, from {@code started} until {@code deadline}: the steps of the class comment. */
    private Allocation searchBases(AllocationProblem problem, Reach reach, BasePartition partition,
                                   SolverSettings settings, long started, long deadline) {
        List<List<Task>> parts = evenParts(problem, partition);
        LOG.debug("phase=shared bases={} tasks={} ms={}", parts.size(), reach.reachable().size(), clock.millis() - started);
        // a quick plan of every base first: only the busiest bases decide the makespan, they get the longer searches
        SolverSettings quick = settings.withStallIterations(Math.max(SolverSettings.MIN_STALL,
                settings.stallIterations() / QUICK_SHARE));
        // on a machine too slow for the search, each phase is cut at its share of the time, not the first at all of it
        long quickDeadline = started + Math.round(QUICK_TIME_SHARE * (deadline - started));
        long descentDeadline = started + Math.round(DESCENT_TIME_SHARE * (deadline - started));
        List<Allocation> solved = solveBases(problem, partition, parts, quick, quickDeadline);
        LOG.debug("phase=first-plans makespanS={} ms={}", latest(solved), clock.millis() - started);
        Descent descent = new Descent(partition, parts, solved,
                (base, tasks) -> solveBase(problem, partition, base, tasks, quick, descentDeadline))
                .run(DESCENT_STEPS, () -> clock.millis() < descentDeadline);
        parts = descent.parts();
        LOG.debug("phase=evened makespanS={} ms={}", latest(descent.solved()), clock.millis() - started);
        solved = polish(problem, partition, parts, descent.solved(), settings, deadline);
        LOG.debug("phase=polished makespanS={} ms={}", latest(solved), clock.millis() - started);
        int iterations = solved.stream().mapToInt(Allocation::iterations).sum();
        if (Double.isFinite(problem.windowS())) {
            solved = WindowSpill.offerLeftovers(partition, parts, solved,
                    (base, tasks) -> solveBase(problem, partition, base, tasks, settings, deadline));
        }
        return merge(partition, solved, reach.refused(), iterations, clock.millis() - started);
    }

    /**
     * Shares the tasks among bases in rounds: balance the partition on the calibrated estimates, plan each base
     * roughly ({@link SweepEstimate}), calibrate each base's estimates against that plan; the round whose busiest
     * base is least busy wins.
     */
    private static List<List<Task>> evenParts(AllocationProblem problem, BasePartition partition) {
        double[] factors = new double[partition.bases().size()];
        Arrays.fill(factors, 1);
        double[] offsets = new double[factors.length];
        List<List<Task>> best = null;
        double bestMakespan = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            offsets = partition.balance(offsets, factors);
            double[] estimated = partition.loadsS(offsets, factors);
            List<List<Task>> parts = partition.assign(offsets);
            double makespan = 0;
            for (int b = 0; b < factors.length; b++) {
                double rough = SweepEstimate.makespanS(partition.bases().get(b), parts.get(b), problem.swapS());
                makespan = Math.max(makespan, rough);
                if (rough > 0 && estimated[b] > 0) {
                    factors[b] *= rough / estimated[b];
                }
            }
            if (makespan < bestMakespan - 1e-6) {
                bestMakespan = makespan;
                best = parts;
            }
        }
        return best;
    }

    /**
     * The bases that land last (within {@value #CRITICAL_SHARE} of the latest) searched again, longer and from
     * another seed; a base keeps the better of its two plans.
     */
    private List<Allocation> polish(AllocationProblem problem, BasePartition partition, List<List<Task>> parts,
                                    List<Allocation> solved, SolverSettings settings, long deadline) {
        double latest = latest(solved);
        List<Integer> critical = IntStream.range(0, solved.size())
                .filter(b -> solved.get(b).makespanS() >= CRITICAL_SHARE * latest).boxed().toList();
        SolverSettings longer = settings.withSeed(settings.seed() + POLISH_SEED_OFFSET);
        List<Allocation> again = critical.parallelStream()
                .map(b -> solveBase(problem, partition, b, parts.get(b), longer, deadline)).toList();
        List<Allocation> out = new ArrayList<>(solved);
        for (int i = 0; i < critical.size(); i++) {
            Allocation before = solved.get(critical.get(i));
            Allocation after = again.get(i);
            if (after.refused().size() <= before.refused().size() && after.makespanS() < before.makespanS()) {
                out.set(critical.get(i), after);
            }
        }
        return out;
    }

    private static long latest(List<Allocation> solved) {
        return Math.round(solved.stream().mapToDouble(Allocation::makespanS).max().orElse(0));
    }

    private List<Allocation> solveBases(AllocationProblem problem, BasePartition partition, List<List<Task>> parts,
                                        SolverSettings settings, long deadline) {
        return IntStream.range(0, parts.size()).parallel()
                .mapToObj(b -> solveBase(problem, partition, b, parts.get(b), settings, deadline)).toList();
    }

    private Allocation solveBase(AllocationProblem problem, BasePartition partition, int base, List<Task> tasks,
                         SolverSettings settings, long deadline) {
        List<DroneAtBase> drones = partition.bases().get(base).droneIndices().stream().map(problem.drones()::get)
                .toList();
        AllocationProblem local = problem.part(tasks, drones);
        if (clock.millis() >= deadline) {
            // out of time before this base's turn came: a quick plan rather than an overrun
            return SweepPlan.of(local);
        }
        return JspritSearch.run(local, settings.withSeed(settings.seed() + base), deadline, clock);
    }

    /** One allocation of the whole fleet from the bases' own: drone indices back to the problem's. */
    private static Allocation merge(BasePartition partition, List<Allocation> solved, List<Refusal> unreachable,
                                    int iterations, long searchMs) {
        List<AllocatedSortie> sorties = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>(unreachable);
        double makespanS = 0;
        for (int b = 0; b < solved.size(); b++) {
            List<Integer> indices = partition.bases().get(b).droneIndices();
            Allocation a = solved.get(b);
            a.sorties().forEach(s -> sorties.add(new AllocatedSortie(indices.get(s.droneIndex()), s.number(),
                    s.visits(), s.flightS())));
            refused.addAll(a.refused());
            makespanS = Math.max(makespanS, a.makespanS());
        }
        sorties.sort(Comparator.comparingInt(AllocatedSortie::droneIndex).thenComparingInt(AllocatedSortie::number));
        refused.sort(Comparator.comparing(r -> r.task().id()));
        return new Allocation(sorties, refused, makespanS, iterations, searchMs);
    }
}
