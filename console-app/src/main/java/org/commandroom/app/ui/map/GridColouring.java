package org.commandroom.app.ui.map;

/** What the police grids are coloured by, chosen in the legend. */
public enum GridColouring {
    /** Red, orange, green by the grid's risk grade (分色预警); the default. */
    RISK_GRADE,
    /** The grid's Ping'an index (平安指数) of the current month. */
    PING_AN,
    /** The prevention index (主防指数) of the grid's station for the current month. */
    STATION_INDEX,
    /**
     * The stations' areas (辖区; the station's boundary, else the union of its grids) filled by their prevention
     * index for the current month, the grids outlined only.
     */
    STATION_AREA,
    /**
     * The communities (社区) filled red, orange or green by the 分色预警 rule (core prevention CommunityRisk: incidents,
     * low-star houses, hazards, open model alerts), the grids outlined only; the legend states the rule.
     */
    COMMUNITY_RISK;

    /** The palette of a score 0-100: red under 60 (fail), orange to 80, green above; as the index gauges. */
    public static ValuePalette scorePalette() {
        return ValuePalette.bands(new double[] {60, 80},
                new int[] {MapPalette.GRADE_RED, MapPalette.GRADE_ORANGE, MapPalette.GRADE_GREEN});
    }
}
