package org.winterwatch.missions.allocation;

import java.util.List;

/**
 * What each of the solver's location indices stands for: the tasks first (entered at their entry, left at their
 * exit), then one base per drone. Travel from one index to another runs from where the first is left to where the
 * second is entered, so a route's times are those of the sweeps flown the way the tasks are written.
 */
final class Places {

    private final PointM[] in;
    private final PointM[] out;
    private final Task[] tasks;
    private final int taskCount;

    Places(List<Task> taskList, List<DroneAtBase> drones) {
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
    }

    int baseIndex(int droneIndex) {
        return taskCount + droneIndex;
    }

    /** Straight-line metres from leaving {@code from} to entering {@code to}. */
    double metres(int from, int to) {
        return out[from].distanceM(in[to]);
    }

    /** The task at {@code index}, or {@code null} for a base. */
    Task task(int index) {
        return tasks[index];
    }

    PointM entry(int index) {
        return in[index];
    }
}
