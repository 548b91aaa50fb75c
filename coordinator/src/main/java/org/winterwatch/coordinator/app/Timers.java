package org.winterwatch.coordinator.app;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/** The coordinator's background threads: daemons, one per job, named for what they do. */
public final class Timers {

    private Timers() {
    }

    /** One daemon thread named {@code threadName} that runs tasks in order, now or later. */
    public static ScheduledExecutorService single(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(daemons(threadName));
    }

    /** Daemon threads named {@code threadName} (a {@code %d} in it numbers them). */
    public static ThreadFactory daemons(String threadName) {
        return new ThreadFactoryBuilder().setNameFormat(threadName).setDaemon(true).build();
    }
}
