package org.commandroom.app.wall;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the wall's panels go: a grid of {@code columns × rows} equal cells, and areas of whole cells, each showing
 * one panel or taking turns among several every {@code every}. Read from a file by {@link WallLayoutReader}.
 */
public record WallLayout(int columns, int rows, List<Area> areas, GridColours gridColours) {

    /** What the police grids on the wall's map are coloured by ({@code map-grids risk|index} in the file). */
    public enum GridColours {
        /** Red, orange, green by the grid's risk grade (分色预警). */
        RISK,
        /** By the prevention index (主防指数) of the grid's station this month: red under 60, orange to 80, green above. */
        INDEX
    }

    /** A layout with the grids coloured by risk grade. */
    public WallLayout(int columns, int rows, List<Area> areas) {
        this(columns, rows, areas, GridColours.RISK);
    }

    /**
     * One area. Column and row are 0-based here (the file counts from 1).
     *
     * @param every how long each panel stays when the area rotates; null for an area with one panel
     */
    public record Area(int column, int row, int width, int height, List<PanelKind> panels, Duration every) {
        public Area {
            panels = List.copyOf(panels);
            if (panels.isEmpty()) {
                throw new IllegalArgumentException("an area needs a panel");
            }
        }

        public boolean rotates() {
            return panels.size() > 1;
        }

        boolean overlaps(Area o) {
            return column < o.column + o.width && o.column < column + width && row < o.row + o.height && o.row < row + height;
        }
    }

    public WallLayout {
        areas = List.copyOf(Objects.requireNonNull(areas));
        Objects.requireNonNull(gridColours, "gridColours");
    }
}
