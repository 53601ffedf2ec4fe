package org.commandroom.app.ui.map;

/**
 * The map's layers, in the legend's order (bottom of the drawing first for the areas). Each has a
 * key: Alt + {@link #keyLabel()} toggles it: a digit for the first ten (Alt+0 being the tenth), H for the
 * houses of the register.
 *
 * <p>Communities are drawn from zoom {@link #COMMUNITIES_FROM_ZOOM} and micro-grids from
 * {@link #MICRO_GRIDS_FROM_ZOOM}: zoomed out there are too many to read. The point layers come in from
 * {@link #minZoom()} too; their labels from {@link #labelZoom()}.
 */
public enum MapLayerId {
    /** The district's own boundary (辖区), drawn under everything; imported as its own layer (docs/IMPORT.md). */
    DISTRICT('D', 0, 99),
    /** The stations' own boundaries (派出所辖区), outlined with their names; imported as their own layer. */
    STATION_AREAS('S', 0, 11),
    POLICE_GRIDS(1, 0, 12),
    COMMUNITIES(2, 13, 14),
    MICRO_GRIDS(3, 15, 17),
    PATROL_ZONES(4, 0, 13),
    DEPLOYMENT_POINTS(5, 13, 16),
    KEY_PLACES(6, 12, 16),
    POLICE_OFFICES(7, 13, 15),
    /** The house register (房屋, docs/PREVENTION.md), coloured by stars; too many to read zoomed out. */
    HOUSES('H', 14, 99),
    CAMERAS(8, 0, 99),
    UNITS(9, 0, 13),
    INCIDENTS(0, 0, 14);

    /** Communities appear from this zoom level on (a street's worth of them fills the view). */
    public static final double COMMUNITIES_FROM_ZOOM = 13;
    /** Micro-grids appear from this zoom level on (a community's worth fills the view). */
    public static final double MICRO_GRIDS_FROM_ZOOM = 15;

    private final int hotkey;
    private final char letter;
    private final double minZoom;
    private final double labelZoom;

    MapLayerId(int hotkey, double minZoom, double labelZoom) {
        this.hotkey = hotkey;
        this.letter = 0;
        this.minZoom = minZoom;
        this.labelZoom = labelZoom;
    }

    /** A layer toggled by Alt + a letter (the digits are all taken): H houses, D district, S station areas. */
    MapLayerId(char letter, double minZoom, double labelZoom) {
        this.hotkey = -1;
        this.letter = letter;
        this.minZoom = minZoom;
        this.labelZoom = labelZoom;
    }

    /** The digit that toggles the layer with Alt; -1 for a layer toggled by a letter ({@link #keyLabel()}). */
    public int hotkey() {
        return hotkey;
    }

    /** What follows Alt+ to toggle the layer: its digit, or its letter. */
    public String keyLabel() {
        return hotkey >= 0 ? Integer.toString(hotkey) : String.valueOf(letter);
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
            if (id.hotkey >= 0 && id.hotkey == digit) {
                return java.util.Optional.of(id);
            }
        }
        return java.util.Optional.empty();
    }

    /** The layer toggled by Alt + letter (either case), if any. */
    public static java.util.Optional<MapLayerId> byLetter(char c) {
        char upper = Character.toUpperCase(c);
        for (MapLayerId id : values()) {
            if (id.letter != 0 && id.letter == upper) {
                return java.util.Optional.of(id);
            }
        }
        return java.util.Optional.empty();
    }
}
