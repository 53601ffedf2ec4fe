package org.commandroom.app.ui.map;

/**
 * The map's layers, in the legend's order (bottom of the drawing first for the areas). Each has a
 * key: Alt + {@link #hotkey()} toggles it, Alt+0 being the tenth.
 *
 * <p>Communities are drawn from zoom {@link #COMMUNITIES_FROM_ZOOM} and micro-grids from
 * {@link #MICRO_GRIDS_FROM_ZOOM}: zoomed out there are too many to read. The point layers come in from
 * {@link #minZoom()} too; their labels from {@link #labelZoom()}.
 */
public enum MapLayerId {
    POLICE_GRIDS(1, 0, 12),
    COMMUNITIES(2, 13, 14),
    MICRO_GRIDS(3, 15, 17),
    PATROL_ZONES(4, 0, 13),
    DEPLOYMENT_POINTS(5, 13, 16),
    KEY_PLACES(6, 12, 16),
    POLICE_OFFICES(7, 13, 15),
    CAMERAS(8, 0, 99),
    UNITS(9, 0, 13),
    INCIDENTS(0, 0, 14);

    /** Communities appear from this zoom level on (a street's worth of them fills the view). */
    public static final double COMMUNITIES_FROM_ZOOM = 13;
    /** Micro-grids appear from this zoom level on (a community's worth fills the view). */
    public static final double MICRO_GRIDS_FROM_ZOOM = 15;

    private final int hotkey;
    private final double minZoom;
    private final double labelZoom;

    MapLayerId(int hotkey, double minZoom, double labelZoom) {
        this.hotkey = hotkey;
        this.minZoom = minZoom;
        this.labelZoom = labelZoom;
    }

    /** The digit that toggles the layer with Alt. */
    public int hotkey() {
        return hotkey;
    }

    /** The layer is drawn (and picked) from this zoom on. */
    public double minZoom() {
        return minZoom;
    }

    /** Names are drawn from this zoom on. */
    public double labelZoom() {
        return labelZoom;
    }

    /** Whether the layer shows at this zoom (when switched on). */
    public boolean shownAt(double zoom) {
        return zoom >= minZoom;
    }

    /** The layer toggled by Alt + digit, if any. */
    public static java.util.Optional<MapLayerId> byHotkey(int digit) {
        for (MapLayerId id : values()) {
            if (id.hotkey == digit) {
                return java.util.Optional.of(id);
            }
        }
        return java.util.Optional.empty();
    }
}
