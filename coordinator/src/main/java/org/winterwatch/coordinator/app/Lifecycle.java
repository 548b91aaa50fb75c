package org.winterwatch.coordinator.app;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one list of a coordinator's running parts: each part is started in order and registered with its stop, and
 * {@link #close()} stops them in reverse order. When a start fails, what had started is stopped again at once.
 */
final class Lifecycle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    /** Starts a part and returns it; may fail with a message for the user. */
    @FunctionalInterface
    interface Start<T> {
        T start() throws StartupException;
    }

    /** Stops a started part. */
    @FunctionalInterface
    interface Stop<T> {
        void stop(T part) throws Exception;
    }

    private final String name;
    private final Deque<Runnable> stops = new ArrayDeque<>();

    Lifecycle(String name) {
        this.name = name;
    }

    /** Starts a part; on failure stops everything started before it and rethrows. */
    <T> T start(String part, Start<T> start, Stop<T> stop) throws StartupException {
        T started;
        try {
            started = start.start();
        } catch (StartupException | RuntimeException e) {
            LOG.debug("start failed lifecycle={} part={} reason={}", name, part, e.toString());
            close();
            throw e;
        }
        stops.push(() -> {
            try {
                stop.stop(started);
            } catch (Exception e) {
                LOG.warn("stop failed lifecycle={} part={} reason={}", name, part, e.toString());
            }
        });
        return started;
    }

    /** An {@link AutoCloseable} part. */
    <T extends AutoCloseable> T start(String part, Start<T> start) throws StartupException {
        return start(part, start, AutoCloseable::close);
    }

    /** Stops every started part, the last started first. */
    @Override
    public void close() {
        while (!stops.isEmpty()) {
            stops.pop().run();
        }
    }
}
