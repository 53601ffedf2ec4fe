package org.commandroom.app.ui.map;

import java.util.Map;
import java.util.Objects;

/**
 * How police grids are filled. Today by risk grade (分色预警); the hook for tomorrow is
 * {@link #byValue}: a value per grid (e.g. its prevention-index score, keyed by grid id) and a
 * {@link ValuePalette}. Set it with {@code LiveMapViewModel.gridFillProperty()}.
 */
public interface GridFill {

    /** The fill colour of a grid (0xAARRGGBB, drawn faint); 0 leaves it unfilled. */
    int argb(GridArea grid);

    /** The colours the legend shows for this fill, in order. */
    int[] legendColours();

    /** Red, orange, green by the grid's risk grade. */
    static GridFill byRiskGrade() {
        return new GridFill() {
            @Override
            public int argb(GridArea grid) {
                return grid.grade().argb();
            }

            @Override
            public int[] legendColours() {
                return new int[] {MapPalette.GRADE_RED, MapPalette.GRADE_ORANGE, MapPalette.GRADE_GREEN};
            }
        };
    }

    /** No grid filled (outlines only), the legend showing the given colours (those of what is filled instead). */
    static GridFill outlineOnly(int[] legendColours) {
        int[] colours = legendColours.clone();
        return new GridFill() {
            @Override
            public int argb(GridArea grid) {
                return 0;
            }

            @Override
            public int[] legendColours() {
                return colours.clone();
            }
        };
    }

    /** By a value per grid id; grids without a value are left unfilled. */
    static GridFill byValue(Map<String, Double> valueByGridId, ValuePalette palette) {
        Map<String, Double> values = Map.copyOf(valueByGridId);
        Objects.requireNonNull(palette, "palette");
        return new GridFill() {
            @Override
            public int argb(GridArea grid) {
                Double v = values.get(grid.id());
                return v == null ? 0 : palette.argb(v);
            }

            @Override
            public int[] legendColours() {
                return palette.colours();
            }
        };
    }
}
