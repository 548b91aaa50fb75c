package org.winterwatch.missions.allocation;

import java.util.List;

/**
 * What each of the solver's location indices stands for: the tasks first (entered at their entry, left at their
 * exit), then one base per drone. Travel from one index to another runs from where the first is left to where the
 * second is entered, so a route's times are those of the sweeps flown the way the tasks are written. The metres
 * between two indices are asked of the problem's {@link Travel} once, then kept (jsprit asks millions of times).
 */
final class Places {

    private final PointM[] in;
    private final PointM[] out;
    private final Task[] tasks;
    private final int taskCount;
    private final Travel travel;
    private final double[][] metres;

    Places(List<Task> taskList, List<DroneAtBase> drones, Travel travel) {
        this.travel = travel;
        taskCount = taskList.size();
        int n = taskCount + drones.size();
        in = new PointM[n];
        out = new PointM[n];
        tasks = new Task[n];
        for (int i = 0; i < taskCount; i++) {
            Task t = taskList.get(i);
            in[i] = t.entryM();
            out[i] = t.exitM();
            tasks[i] = t;
        }
        for (int d = 0; d < drones.size(); d++) {
            in[taskCount + d] = drones.get(d).baseM();
            out[taskCount + d] = drones.get(d).baseM();
        }
        metres = new double[n][];
    }

    int baseIndex(int droneIndex) {
        return taskCount + droneIndex;
    }

    /** Metres from leaving {@code from} to entering {@code to}. */
    double metres(int from, int to) {
        double[] row = metres[from];
        if (row == null) {
            row = new double[in.length];
            java.util.Arrays.fill(row, Double.NaN);
            metres[from] = row;
        }
        double m = row[to];
        if (Double.isNaN(m)) {
            m = travel.metres(out[from], in[to]);
            row[to] = m;
        }
        return m;
    }

    /** The task at {@code index}, or {@code null} for a base. */
    Task task(int index) {
        return tasks[index];
    }

    PointM entry(int index) {
        return in[index];
    }
}
