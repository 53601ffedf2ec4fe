package org.commandroom.app.wall;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The wall's panels, by the names the layout file uses. */
public enum PanelKind {
    /** The clock, the date, the duty commander and the leader on duty. */
    CLOCK("clock"),
    /** The live map of the whole district. */
    MAP("map"),
    /** Today's incidents by category and by hour, against the same day last week and last year. */
    TODAY("today"),
    /** Open incidents and how long they have waited. */
    OPEN_INCIDENTS("open-incidents"),
    /** Orders past their deadlines, by station. */
    OVERDUE_ORDERS("overdue-orders"),
    /** Stations ranked by prevention index, with the change on the previous period. */
    RANKING("ranking"),
    /** The bureau's prevention index, its seven capabilities and its 12-month trend. */
    INDEX("index"),
    /** 黄赌, traffic, fights and preventable cases against the same period last year. */
    YEAR_ON_YEAR("year-on-year"),
    /** 主防工作: communities by risk colour, inspections overdue and alerts late, officers' hours this week, by station. */
    PREVENTION("prevention");

    private final String fileName;

    PanelKind(String fileName) {
        this.fileName = fileName;
    }

    /** The name in the layout file. */
    public String fileName() {
        return fileName;
    }

    public static Optional<PanelKind> byFileName(String name) {
        return Arrays.stream(values()).filter(k -> k.fileName.equals(name)).findFirst();
    }

    /** Every name, for messages. */
    public static String fileNames() {
        return Arrays.stream(values()).map(PanelKind::fileName).collect(Collectors.joining(", "));
    }
}
