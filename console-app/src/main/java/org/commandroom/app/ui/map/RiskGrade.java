package org.commandroom.app.ui.map;

/** Risk colour of a grid or community (分色预警). */
public enum RiskGrade {
    RED,
    ORANGE,
    GREEN;

    int argb() {
        return switch (this) {
            case RED -> MapPalette.GRADE_RED;
            case ORANGE -> MapPalette.GRADE_ORANGE;
            case GREEN -> MapPalette.GRADE_GREEN;
        };
    }
}
