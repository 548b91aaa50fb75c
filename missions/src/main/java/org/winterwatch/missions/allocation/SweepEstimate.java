package org.winterwatch.missions.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A quick, rough plan of one base's tasks, good enough to tell how busy its drones would be: the classic sweep
 * heuristic (tasks taken in order of their bearing from the base, each added to the open sortie while the way home
 * still fits the battery, else a new sortie), each path from its nearer end, sorties dealt out to the base's drones
 * longest first. A few milliseconds for a hundred tasks, where jsprit needs a second; its figures are calibrated
 * against jsprit's by {@link SortieSolver}.
 */
final class SweepEstimate {

    private SweepEstimate() {
    }

    /** The busiest drone's time at {@code base} flying {@code tasks}, battery changes of {@code swapS} included. */
    static double makespanS(BasePartition.Base base, List<Task> tasks, double swapS) {
        PointM home = base.positionM();
        List<Task> byBearing = new ArrayList<>(tasks);
        byBearing.sort(Comparator.comparingDouble((Task t) -> bearing(home, t)).thenComparing(Task::id));
        List<Double> sorties = new ArrayList<>();
        double flightS = 0;
        PointM at = home;
        for (Task task : byBearing) {
            boolean reversed = at.distanceM(task.exitM()) < at.distanceM(task.entryM());
            PointM start = reversed ? task.exitM() : task.entryM();
            PointM end = reversed ? task.entryM() : task.exitM();
            double withTask = flightS + (at.distanceM(start) + end.distanceM(home)) / base.speedMps()
                    + task.sweepS(base.speedMps());
            if (at != home && withTask > base.flightBudgetS()) {
                sorties.add(flightS + at.distanceM(home) / base.speedMps());
                flightS = 0;
                at = home;
                reversed = home.distanceM(task.exitM()) < home.distanceM(task.entryM());
                start = reversed ? task.exitM() : task.entryM();
                end = reversed ? task.entryM() : task.exitM();
            }
            flightS += at.distanceM(start) / base.speedMps() + task.sweepS(base.speedMps());
            at = end;
        }
        if (at != home) {
            sorties.add(flightS + at.distanceM(home) / base.speedMps());
        }
        return dealtOut(sorties, base, swapS);
    }

    /** Longest sortie first to the drone with the least to do. */
    private static double dealtOut(List<Double> sortieFlightsS, BasePartition.Base base, double swapS) {
        int drones = base.droneIndices().size();
        double[] busy = new double[drones];
        boolean[] flown = new boolean[drones];
        sortieFlightsS.sort(Comparator.reverseOrder());
        for (double flight : sortieFlightsS) {
            int least = 0;
            for (int d = 1; d < drones; d++) {
                if (busy[d] < busy[least]) {
                    least = d;
                }
            }
            busy[least] += flight + base.climbS() + (flown[least] ? swapS : 0);
            flown[least] = true;
        }
        return BasePartition.max(busy);
    }

    /** Bearing of the task's midpoint from {@code home}, radians. */
    static double bearing(PointM home, Task task) {
        return Math.atan2(task.entryM().yM() + task.exitM().yM() - 2 * home.yM(),
                task.entryM().xM() + task.exitM().xM() - 2 * home.xM());
    }
}
