package org.commandroom.core.index;

/** Whether a higher or a lower raw value is better (↑ / ↓ in the indicator table). */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** True when {@code a} is strictly worse than {@code b}. */
    public boolean worse(double a, double b) {
        return this == HIGHER_IS_BETTER ? a < b : a > b;
    }
}
