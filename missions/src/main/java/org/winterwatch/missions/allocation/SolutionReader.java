package org.winterwatch.missions.allocation;

import com.graphhopper.jsprit.core.problem.job.Job;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns jsprit's best solution into sorties: each route's tasks in its order, each path flown the shorter way
 * ({@link Orientation}), a drone's sorties numbered highest priority first (then longest first), and the tasks
 * jsprit left unassigned refused with their reason.
 */
final class SolutionReader {

    private record Draft(int droneIndex, List<Visit> visits, double flightS, int topPriority) { }

    private SolutionReader() {
    }

    static Allocation read(SolverModel model, VehicleRoutingProblemSolution solution, List<Refusal> unreachable,
                           int iterations, long searchMs) {
        AllocationProblem problem = model.problem();
        List<Draft> drafts = new ArrayList<>();
        List<VehicleRoute> routes = new ArrayList<>(solution.getRoutes());
        routes.sort(Comparator.comparing(r -> r.getVehicle().getId()));
        for (VehicleRoute route : routes) {
            if (route.isEmpty()) {
                continue;
            }
            int d = model.droneOf(route.getVehicle());
            DroneAtBase drone = model.drone(d);
            List<Task> order = new ArrayList<>();
            for (TourActivity act : route.getActivities()) {
                order.add(SolverModel.taskOf(((TourActivity.JobActivity) act).getJob()));
            }
            List<Visit> visits = Orientation.shortest(drone.baseM(), order, problem.travel());
            drafts.add(new Draft(d, visits, problem.flightS(drone, visits),
                    order.stream().mapToInt(Task::priority).max().orElseThrow()));
        }
        drafts.sort(Comparator.comparingInt(Draft::droneIndex)
                .thenComparing(Comparator.comparingInt(Draft::topPriority).reversed())
                .thenComparing(Comparator.comparingDouble(Draft::flightS).reversed()));
        List<AllocatedSortie> sorties = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>(unreachable);
        double makespanS = 0;
        for (int d = 0; d < problem.drones().size(); d++) {
            DroneAtBase drone = model.drone(d);
            double flight = 0;
            int number = 0;
            for (Draft draft : drafts) {
                if (draft.droneIndex() != d) {
                    continue;
                }
                if (drone.busyS(flight + draft.flightS(), number + 1, problem.swapS()) > problem.windowS()) {
                    // the window constraint keeps this from happening; should it, the sortie is not flown
                    draft.visits().forEach(v -> refused.add(noTimeLeft(v.task(), problem.windowS())));
                    continue;
                }
                flight += draft.flightS();
                number++;
                sorties.add(new AllocatedSortie(d, number, draft.visits(), draft.flightS()));
            }
            makespanS = Math.max(makespanS, drone.busyS(flight, number, problem.swapS()));
        }
        for (Job job : solution.getUnassignedJobs()) {
            Task task = SolverModel.taskOf(job);
            refused.add(Double.isFinite(problem.windowS()) ? noTimeLeft(task, problem.windowS())
                    : new Refusal(task, Refusal.Reason.NOT_PLACED, "the solver placed it on no sortie"));
        }
        refused.sort(Comparator.comparing(r -> r.task().id()));
        return new Allocation(sorties, refused, makespanS, iterations, searchMs);
    }

    private static Refusal noTimeLeft(Task task, double windowS) {
        return new Refusal(task, Refusal.Reason.NO_TIME_LEFT, String.format(Locale.ROOT,
                "no time left in the %.0f min window: sites of priority %d or higher fill it", windowS / 60,
                task.priority()));
    }
}
