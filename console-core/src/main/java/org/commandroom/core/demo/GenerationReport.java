package org.commandroom.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What a run produced: row counts per table and the time each phase took, in run order.
 */
public record GenerationReport(String profile, long seed, Instant end, Map<String, Long> counts,
                               Map<String, Duration> phaseTimes) {

    public GenerationReport {
        counts = Map.copyOf(counts);
        phaseTimes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseTimes));
    }

    public long count(String table) {
        return counts.getOrDefault(table, 0L);
    }

    public Duration total() {
        return phaseTimes.values().stream().reduce(Duration.ZERO, Duration::plus);
    }
}
