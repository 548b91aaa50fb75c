package org.winterwatch.coordinator.app;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The coordinator's background timers: one daemon thread each, named for what it does. */
public final class Timers {

    private Timers() {
    }

    public static ScheduledExecutorService single(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }
}
