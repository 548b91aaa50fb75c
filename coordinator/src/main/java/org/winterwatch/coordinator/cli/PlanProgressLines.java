package org.winterwatch.coordinator.cli;

import java.io.PrintWriter;
import org.winterwatch.missions.PlanProgress;

/**
 * Tells the person running {@code plan} over a big layer that it is working: "planned 300 of 1000 sites" on stderr at
 * every tenth of the sites. A layer of fewer than {@link #QUIET_BELOW} sites plans in a moment and prints nothing.
 */
final class PlanProgressLines implements PlanProgress {

    /** Layers smaller than this plan in about a second: no progress lines. */
    static final int QUIET_BELOW = 100;
    private static final int STEPS = 10;

    private final PrintWriter err;
    private int stepsShown;

    PlanProgressLines(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void sitesPlanned(int planned, int total) {
        if (total < QUIET_BELOW) {
            return;
        }
        int step = (int) ((long) planned * STEPS / total);
        if (step > stepsShown) {
            stepsShown = step;
            err.println("planned " + planned + " of " + total + " sites");
            err.flush();
        }
    }
}
