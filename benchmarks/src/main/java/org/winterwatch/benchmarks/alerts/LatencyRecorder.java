package org.winterwatch.benchmarks.alerts;

import java.util.Arrays;

/** Latencies in microseconds, kept whole for exact percentiles (a run holds at most a few hundred thousand). */
final class LatencyRecorder {

    private long[] values = new long[1 << 16];
    private int size;

    /** Records a latency; a negative value is ignored (the caller's warm-up, which runs the same code). */
    synchronized void record(long micros) {
        if (micros < 0) {
            return;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    synchronized int count() {
        return size;
    }

    /** The given percentile (0..1) in microseconds, 0 without samples. */
    synchronized long percentile(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return sorted[Math.min(size - 1, (int) (size * p))];
    }

    synchronized String summary() {
        if (size == 0) {
            return "no samples";
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (%d samples)", sorted[size / 2] / 1000.0,
                sorted[Math.min(size - 1, (int) (size * 0.99))] / 1000.0,
                sorted[Math.min(size - 1, (int) (size * 0.999))] / 1000.0, sorted[size - 1] / 1000.0, size);
    }
}
