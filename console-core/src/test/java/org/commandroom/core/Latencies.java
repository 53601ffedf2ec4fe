package org.commandroom.core;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds summed up as the harnesses and benchmarks print them: the 50th, 90th and 99th
 * percentile (nearest rank) and the maximum, in milliseconds with two decimals.
 */
public final class Latencies {

    private Latencies() {
    }

    /** "p50 1.23 ms, p90 2.34 ms, p99 3.45 ms, max 4.56 ms"; the samples are not changed. */
    public static String summary(long[] nanos) {
        return summary(nanos, "%.2f");
    }

    /** As {@link #summary(long[])}, each number padded to six characters so that lines of them stand in columns. */
    public static String alignedSummary(long[] nanos) {
        return summary(nanos, "%6.2f");
    }

    private static String summary(long[] nanos, String number) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        String format = "p50 " + number + " ms, p90 " + number + " ms, p99 " + number + " ms, max " + number + " ms";
        return String.format(format, ms(percentile(s, 50)), ms(percentile(s, 90)), ms(percentile(s, 99)), ms(s[s.length - 1]));
    }

    /** The p-th percentile (nearest rank) of sorted samples. */
    public static long percentile(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Nanoseconds in milliseconds. */
    public static double ms(long nanos) {
        return nanos / 1e6;
    }
}
