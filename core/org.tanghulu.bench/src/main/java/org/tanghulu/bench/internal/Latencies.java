package org.tanghulu.bench.internal;

import java.util.Arrays;

/** Latencies of one operation, in nanoseconds; summarised as nearest-rank percentiles in milliseconds. */
final class Latencies {

    private long[] values = new long[256];
    private int size;

    /** Adds one measurement. */
    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** Adds every measurement of {@code other}. */
    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int count() {
        return size;
    }

    /**
     * @param p the percentile, 0 &lt; p &lt;= 100
     * @return the nearest-rank percentile in milliseconds, or 0 if there are no measurements
     */
    double percentileMillis(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.min(size, Math.max(1, rank)) - 1] / 1_000_000.0;
    }

    /** @return the mean in milliseconds, or 0 if there are no measurements */
    double meanMillis() {
        if (size == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size / 1_000_000.0;
    }
}
