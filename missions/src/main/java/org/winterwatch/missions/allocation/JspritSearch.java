package org.winterwatch.missions.allocation;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.listener.IterationEndsListener;
import com.graphhopper.jsprit.core.algorithm.state.StateManager;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.constraint.ConstraintManager;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.util.Solutions;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One jsprit search over a whole allocation problem: every drone a vehicle type at its base, every sortie a vehicle
 * of that type bounded by the drone's battery ({@link SolverModel}), the makespan with battery changes as objective
 * ({@link MakespanObjective}), insertions steered away from the busiest drone ({@link DroneLoads}).
 */
final class JspritSearch {

    /** Cost of one second added to the busiest drone, against one second of flight, while tasks are inserted. */
    static final double MAKESPAN_WEIGHT = 2;

    private JspritSearch() {
    }

    /** Searches until {@code settings} say stop, or {@code clock} reaches {@code deadlineMs}. */
    static Allocation run(AllocationProblem problem, SolverSettings settings, long deadlineMs, Clock clock) {
        long started = clock.millis();
        Reach reach = Reach.of(problem);
        if (reach.reachable().isEmpty()) {
            return new Allocation(List.of(), reach.refused(), 0, 0, clock.millis() - started);
        }
        SolverModel model = SolverModel.of(problem, reach);
        StateManager states = new StateManager(model.vrp());
        ConstraintManager constraints = new ConstraintManager(model.vrp(), states);
        DroneLoads loads = new DroneLoads(model, MAKESPAN_WEIGHT);
        states.addStateUpdater(loads);
        constraints.addConstraint(loads.balance());
        if (Double.isFinite(problem.windowS())) {
            constraints.addConstraint(loads.window(), ConstraintManager.Priority.HIGH);
        }
        int tasks = reach.reachable().size();
        int randomMin = Math.min(30, Math.max(3, tasks / 12));
        int randomMax = Math.min(50, Math.max(5, tasks / 4));
        Jsprit.Builder builder = Jsprit.Builder.newInstance(model.vrp())
                .setStateAndConstraintManager(states, constraints)
                .addCoreStateAndConstraintStuff(true)
                .setObjectiveFunction(new MakespanObjective(model))
                .setRandom(new Random(settings.seed()))
                .setProperty(Jsprit.Parameter.FAST_REGRET, "true")
                .setProperty(Jsprit.Parameter.VEHICLE_SWITCH, "false")
                .setProperty(Jsprit.Parameter.CONSTRUCTION, Jsprit.Construction.BEST_INSERTION.toString())
                .setProperty(Jsprit.Parameter.THREADS, "1")
                // jsprit removes half the tasks at random by default: a tenth to a quarter is as good here, and faster
                .setProperty(Jsprit.Parameter.RANDOM_REGRET_MIN_SHARE, String.valueOf(randomMin))
                .setProperty(Jsprit.Parameter.RANDOM_REGRET_MAX_SHARE, String.valueOf(randomMax))
                .setProperty(Jsprit.Parameter.RANDOM_BEST_MIN_SHARE, String.valueOf(randomMin))
                .setProperty(Jsprit.Parameter.RANDOM_BEST_MAX_SHARE, String.valueOf(randomMax));
        VehicleRoutingAlgorithm algorithm = builder.buildAlgorithm();
        algorithm.setMaxIterations(settings.maxIterations());
        algorithm.addTerminationCriterion(new StallTermination(settings.stallIterations()));
        TimeTermination timeLimit = new TimeTermination(Math.max(1, deadlineMs - clock.millis()));
        timeLimit.setTimeGetter(clock::millis);
        algorithm.addTerminationCriterion(timeLimit);
        algorithm.addListener(timeLimit);
        AtomicInteger iterations = new AtomicInteger();
        algorithm.addListener((IterationEndsListener) (i, vrp, solutions) -> iterations.set(i));
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        return SolutionReader.read(model, best, reach.refused(), iterations.get(), clock.millis() - started);
    }
}
