package org.commandroom.core.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Response times of one order (docs/PUSH.md, "Times"): dispatch → on scene (the order issued to the unit reporting
 * ON_SCENE from its terminal) and call → on scene (the incident received to the same). Null when a time is missing
 * or the order runs backwards (a terminal's report cannot make a negative time).
 */
public record ResponseTimes(Duration dispatchToOnScene, Duration callToOnScene, Duration dispatchToReceipt) {

    public static ResponseTimes of(OrderTimes t) {
        Objects.requireNonNull(t, "t");
        return new ResponseTimes(between(t.dispatchedAt(), t.onSceneAt()), between(t.callAt(), t.onSceneAt()),
                between(t.dispatchedAt(), t.receivedAt()));
    }

    private static Duration between(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return null;
        }
        return Duration.between(from, to);
    }

    /** Count, mean and 90th percentile (nearest rank) of the non-null durations; null figures when there are none. */
    public record Summary(int count, Duration mean, Duration p90) {

        public static Summary of(Collection<Duration> durations) {
            List<Duration> d = durations.stream().filter(Objects::nonNull).sorted().toList();
            if (d.isEmpty()) {
                return new Summary(0, null, null);
            }
            long total = 0;
            for (Duration x : d) {
                total += x.toMillis();
            }
            int rank = (int) Math.ceil(0.9 * d.size());
            return new Summary(d.size(), Duration.ofMillis(total / d.size()), d.get(Math.max(0, rank - 1)));
        }
    }

    /** The response times of a period's dispatch orders: dispatch → on scene and call → on scene. */
    public record Stats(Summary dispatchToOnScene, Summary callToOnScene) {

        public static Stats of(java.util.List<OrderTimes> orders) {
            java.util.List<Duration> dispatch = new java.util.ArrayList<>();
            java.util.List<Duration> call = new java.util.ArrayList<>();
            for (OrderTimes t : orders) {
                ResponseTimes r = t.responseTimes();
                dispatch.add(r.dispatchToOnScene());
                call.add(r.callToOnScene());
            }
            return new Stats(Summary.of(dispatch), Summary.of(call));
        }
    }
}
