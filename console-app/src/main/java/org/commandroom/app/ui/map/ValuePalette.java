package org.commandroom.app.ui.map;

import java.util.Objects;

/**
 * Colours for a per-grid value (a prevention-index score, an incident rate...): bands with upper
 * bounds, the last one open. Immutable.
 */
public interface ValuePalette {

    /** 0xAARRGGBB for the value; 0 for NaN (no value: the grid is left unfilled). */
    int argb(double value);

    /** The colours of the bands, lowest first (for the legend). */
    int[] colours();

    /**
     * Values up to {@code upperBounds[i]} get {@code colours[i]}; above the last bound the last colour.
     * Needs one colour more than bounds.
     */
    static ValuePalette bands(double[] upperBounds, int[] colours) {
        Objects.requireNonNull(upperBounds, "upperBounds");
        Objects.requireNonNull(colours, "colours");
        if (colours.length != upperBounds.length + 1) {
            throw new IllegalArgumentException("need one colour more than bounds: " + colours.length + " colours, "
                    + upperBounds.length + " bounds");
        }
        double[] bounds = upperBounds.clone();
        int[] cs = colours.clone();
        return new ValuePalette() {
            @Override
            public int argb(double value) {
                if (Double.isNaN(value)) {
                    return 0;
                }
                for (int i = 0; i < bounds.length; i++) {
                    if (value <= bounds[i]) {
                        return cs[i];
                    }
                }
                return cs[cs.length - 1];
            }

            @Override
            public int[] colours() {
                return cs.clone();
            }
        };
    }
}
