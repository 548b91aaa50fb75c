package org.winterwatch.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.simulator.flight.SimDrone;
import org.winterwatch.simulator.world.Failure;
import org.winterwatch.simulator.world.FailureKind;

/**
 * The scenario's and the tests' failures, each a start and (unless it lasts for ever, or is a battery fault) an end
 * in simulated time, applied to the drones as simulated time passes them. Thread-safe.
 */
final class FailureSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(FailureSchedule.class);

    /** A failure starting or ending at a simulated instant. */
    private record Edge(Instant at, int droneIndex, Failure failure, boolean begins) implements Comparable<Edge> {
        @Override
        public int compareTo(Edge other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Boolean.compare(other.begins, begins);
        }
    }

    private final PriorityQueue<Edge> edges = new PriorityQueue<>();

    /** {@code failure} of drone {@code droneIndex}, its {@code atS} counted from {@code startedAt}. */
    synchronized void add(Failure failure, int droneIndex, Instant startedAt) {
        Instant start = startedAt.plusMillis(Math.round(failure.atS() * 1000));
        edges.add(new Edge(start, droneIndex, failure, true));
        if (failure.kind() != FailureKind.BATTERY_FAULT && Double.isFinite(failure.durationS())) {
            edges.add(new Edge(start.plusMillis(Math.round(failure.durationS() * 1000)), droneIndex, failure, false));
        }
    }

    /** Applies every start and end due by {@code at}, in order. */
    void applyUpTo(Instant at, IntFunction<SimDrone> drones, Instant startedAt) {
        while (true) {
            Edge edge;
            synchronized (this) {
                edge = edges.peek();
                if (edge == null || edge.at().isAfter(at)) {
                    return;
                }
                edges.poll();
            }
            SimDrone drone = drones.apply(edge.droneIndex());
            Failure f = edge.failure();
            LOG.info("failure {} droneId={} kind={} atS={}", edge.begins() ? "begins" : "ends", drone.droneId(),
                    f.kind().wireName(), Duration.between(startedAt, edge.at()).toSeconds());
            switch (f.kind()) {
                case LINK_LOSS -> drone.setLinkUp(!edge.begins());
                case GPS_LOSS -> drone.setGpsOk(!edge.begins());
                case TELEMETRY_STALL -> drone.setTelemetryStalled(edge.begins());
                case MISSION_MISMATCH -> drone.setMissionMismatch(edge.begins());
                case BATTERY_FAULT -> drone.injectBatteryFraction(f.percent() / 100);
            }
        }
    }
}
