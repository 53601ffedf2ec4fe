package org.commandroom.core.index;

/**
 * Raw values at which an indicator earns the excellent, pass and fail points of the bands; between
 * them the points are interpolated linearly, beyond them they stay at the end of the scale. For a
 * lower-is-better indicator excellent &lt; pass &lt; fail, for a higher-is-better one the reverse.
 */
public record Thresholds(double excellent, double pass, double fail) {
}
