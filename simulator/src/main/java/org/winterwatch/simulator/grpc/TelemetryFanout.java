package org.winterwatch.simulator.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.simulator.flight.DroneSnapshot;

/**
 * The open server streams of one drone. Each stream renders the drone's latest snapshot into its
 * response type; {@link #push} sends a response when it changed, or at least every
 * {@link #KEEPALIVE_NANOS} of real time so clients see the stream is alive (event streams such as status
 * texts send only on change). A render that returns null sends nothing: that is how a lost link or a
 * stalled stream is simulated. A slow client is skipped rather than buffered; {@link #completeAll} ends
 * every stream cleanly.
 */
final class TelemetryFanout {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryFanout.class);
    static final long KEEPALIVE_NANOS = 400_000_000L;

    private final Supplier<DroneSnapshot> source;
    private final Set<Stream<?>> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    TelemetryFanout(Supplier<DroneSnapshot> source) {
        this.source = source;
    }

    <T> void open(StreamObserver<T> observer, Function<DroneSnapshot, T> render) {
        open(observer, render, true);
    }

    /** Opens a stream that sends only when its rendering changes (no keepalive). */
    <T> void openEvents(StreamObserver<T> observer, Function<DroneSnapshot, T> render) {
        open(observer, render, false);
    }

    private <T> void open(StreamObserver<T> observer, Function<DroneSnapshot, T> render, boolean keepalive) {
        if (closed) {
            observer.onCompleted();
            return;
        }
        Stream<T> stream = new Stream<>(observer, render, keepalive);
        streams.add(stream);
        if (observer instanceof ServerCallStreamObserver<T> call) {
            call.setOnCancelHandler(() -> streams.remove(stream));
        }
        stream.send(source.get(), System.nanoTime());
    }

    DroneSnapshot latest() {
        return source.get();
    }

    void push() {
        if (streams.isEmpty()) {
            return;
        }
        DroneSnapshot snapshot = source.get();
        long nowNanos = System.nanoTime();
        for (Stream<?> stream : streams) {
            if (!stream.send(snapshot, nowNanos)) {
                streams.remove(stream);
            }
        }
    }

    void completeAll() {
        closed = true;
        for (Stream<?> stream : streams) {
            stream.complete();
        }
        streams.clear();
    }

    int openStreams() {
        return streams.size();
    }

    private static final class Stream<T> {
        private final StreamObserver<T> observer;
        private final Function<DroneSnapshot, T> render;
        private final boolean keepalive;
        private T last;
        private long lastSentNanos;
        private boolean done;

        Stream(StreamObserver<T> observer, Function<DroneSnapshot, T> render, boolean keepalive) {
            this.observer = observer;
            this.render = render;
            this.keepalive = keepalive;
        }

        /** Returns false once the stream is gone. */
        synchronized boolean send(DroneSnapshot snapshot, long nowNanos) {
            if (done) {
                return false;
            }
            if (observer instanceof ServerCallStreamObserver<T> call) {
                if (call.isCancelled()) {
                    done = true;
                    return false;
                }
                if (!call.isReady()) {
                    return true;
                }
            }
            T next = render.apply(snapshot);
            if (next == null
                    || Objects.equals(next, last) && (!keepalive || nowNanos - lastSentNanos < KEEPALIVE_NANOS)) {
                return true;
            }
            try {
                observer.onNext(next);
                last = next;
                lastSentNanos = nowNanos;
                return true;
            } catch (RuntimeException e) {
                LOG.debug("telemetry stream dropped reason={}", e.getMessage());
                done = true;
                return false;
            }
        }

        synchronized void complete() {
            if (done) {
                return;
            }
            done = true;
            try {
                observer.onCompleted();
            } catch (RuntimeException e) {
                LOG.debug("telemetry stream already gone reason={}", e.getMessage());
            }
        }
    }
}
