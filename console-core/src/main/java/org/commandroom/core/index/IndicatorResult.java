package org.commandroom.core.index;

/**
 * One indicator's value for a scope and period: the formula's inputs, the raw value and its points.
 * All but the id are null when there is no data (a manual value not entered, a share of nothing).
 */
public record IndicatorResult(String id, Double numerator, Double denominator, Double raw, Double points) {
}
