package org.commandroom.core.drill;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A drill's score against its answer key: each expected action with what the trainee did for it, the deductions,
 * and the totals, overall and per competence.
 */
public record DrillScore(List<Result> results, List<Deduction> deductions, List<TraineeAction> actions, int maxPoints) {

    public enum Outcome { ON_TIME, LATE, MISSED, PENDING }

    /**
     * One expected action.
     *
     * @param eventAt  when its call or inject happened (null when it has not yet)
     * @param deadline the end of its window
     * @param doneAt   when the last order it needed was made (null when not done)
     * @param orders   the orders that answered it
     */
    public record Result(Scenario.Expected expected, Instant eventAt, Instant deadline, Instant doneAt, List<String> orders,
                         Outcome outcome, int earned) {
    }

    /** Points taken off, with why and for which order. */
    public record Deduction(String orderNo, Instant at, String reason, int points) {
    }

    public int earned() {
        return results.stream().mapToInt(Result::earned).sum();
    }

    public int deducted() {
        return deductions.stream().mapToInt(Deduction::points).sum();
    }

    /** Earned minus deductions, never below zero. */
    public int total() {
        return Math.max(0, earned() - deducted());
    }

    /** Per competence: earned and possible, in the order of the answer key. */
    public Map<String, int[]> byCompetence() {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (Result r : results) {
            int[] v = out.computeIfAbsent(r.expected().competence(), k -> new int[2]);
            v[0] += r.earned();
            v[1] += r.expected().points();
        }
        return out;
    }
}
