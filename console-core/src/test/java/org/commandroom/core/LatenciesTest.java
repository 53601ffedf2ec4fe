package org.commandroom.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The percentile summary the latency harnesses and benchmarks print (their output is compared across runs in docs). */
class LatenciesTest {

    /** 1 ms to 100 ms, shuffled: nearest rank gives p50 = 50 ms, p90 = 90 ms, p99 = 99 ms. */
    private static long[] hundred() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = ((i * 37L) % 100 + 1) * 1_000_000L;
        }
        return nanos;
    }

    @Test
    void theSummaryNamesP50P90P99AndMaxInMillisecondsWithTwoDecimalsAndLeavesTheSamplesAlone() {
        long[] nanos = hundred();
        long[] before = nanos.clone();
        // the numbers in the default locale's digits, as the harnesses always printed them
        assertEquals(String.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", 50.0, 90.0, 99.0, 100.0),
                Latencies.summary(nanos), "as PushLatencyHarness and PushTransportBenchmark print it");
        assertArrayEquals(before, nanos);
    }

    @Test
    void theAlignedSummaryPadsEachNumberToSixCharacters() {
        String s = Latencies.alignedSummary(new long[] {1_500_000L});
        assertEquals(String.format("p50 %6.2f ms, p90 %6.2f ms, p99 %6.2f ms, max %6.2f ms", 1.5, 1.5, 1.5, 1.5), s);
        assertEquals("p50   1", s.substring(0, 7), "as WorkstationsHarness lines up its rows");
    }

    @Test
    void aPercentileIsTheNearestRankOfSortedSamples() {
        long[] sorted = {10, 20, 30, 40};
        assertEquals(20, Latencies.percentile(sorted, 50));
        assertEquals(40, Latencies.percentile(sorted, 90));
        assertEquals(10, Latencies.percentile(sorted, 0));
        assertEquals(2.5, Latencies.ms(2_500_000L));
    }
}
