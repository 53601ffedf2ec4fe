package org.commandroom.app.wall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.commandroom.core.wall.WallStatistics;
import org.commandroom.core.wall.WallStatistics.YoyGroup;
import org.commandroom.core.wall.WallStatistics.YoyLine;

/**
 * The year-on-year changes the seed articles report (Qianwei: 黄赌 −23.7 %, 交通 −6.7 %, 打架斗殴 −36.2 %;
 * Jianghan: preventable cases), year to date against the same span last year, for the bureau and per station.
 * A fall is good news (green), a rise bad (red). Stations are listed with the largest rise first.
 */
final class YearOnYearPanel extends WallPanel<WallStatistics.YearOnYear> {

    static final int LISTED = 6;
    /**
     * Below this many incidents in the same period last year a change is not given in per cent (one preventable case
     * last year and 2,692 this year is no "+269,100 %"): the counts say it.
     */
    static final long MIN_BASE = 10;

    YearOnYearPanel(WallUi ui) {
        super(ui, PanelKind.YEAR_ON_YEAR);
        setTitle(ui.i18n().tr("wall.yoy.title"));
    }

    @Override
    protected WallStatistics.YearOnYear load(WallServices services) {
        return services.statistics().yearOnYear();
    }

    @Override
    protected boolean isEmpty(WallStatistics.YearOnYear y) {
        return y.bureau().values().stream().allMatch(l -> l.now() == 0 && l.lastYear() == 0);
    }

    @Override
    protected String emptyText(WallStatistics.YearOnYear y) {
        return ui.i18n().tr("wall.yoy.none");
    }

    private String groupName(YoyGroup g) {
        return switch (g) {
            case GAMBLING_VICE -> ui.i18n().tr("wall.yoy.group.GAMBLING_VICE");
            case TRAFFIC -> ui.i18n().tr("wall.yoy.group.TRAFFIC");
            case FIGHT -> ui.i18n().tr("wall.yoy.group.FIGHT");
            case PREVENTABLE -> ui.i18n().tr("wall.yoy.group.PREVENTABLE");
        };
    }

    /** The change in per cent, or null without a base of {@link #MIN_BASE} last year. */
    static Double change(YoyLine l) {
        return l.lastYear() < MIN_BASE ? null : l.changePercent();
    }

    private static String style(YoyLine l) {
        Double p = change(l);
        return p == null || Math.abs(p) < 0.05 ? "wall-text" : p < 0 ? "success" : "danger";
    }

    @Override
    protected Node render(WallStatistics.YearOnYear y) {
        setTitle(ui.i18n().tr("wall.yoy.titlePeriod", y.from().getYear()));
        GridPane figures = new GridPane();
        figures.setHgap(32);
        figures.setVgap(4);
        int i = 0;
        for (YoyGroup g : YoyGroup.values()) {
            YoyLine l = y.bureau().get(g);
            Label change = WallCharts.label(WallText.percent(change(l)), "wall-figure-medium", style(l));
            change.setId("wall-yoy-" + g.name());
            VBox cell = new VBox(WallCharts.label(groupName(g), "wall-text"), change,
                    WallCharts.label(ui.i18n().tr("wall.yoy.counts", l.now(), l.lastYear()), "wall-muted"));
            cell.setAlignment(Pos.TOP_LEFT);
            GridPane.setHgrow(cell, Priority.ALWAYS);
            figures.add(cell, i % 2, i / 2);
            i++;
        }
        GridPane table = new GridPane();
        table.setHgap(20);
        ColumnConstraints name = new ColumnConstraints();
        name.setHgrow(Priority.ALWAYS);
        table.getColumnConstraints().add(name);
        for (int k = 0; k < YoyGroup.values().length; k++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHalignment(HPos.RIGHT);
            table.getColumnConstraints().add(c);
        }
        table.add(WallCharts.label(ui.i18n().tr("wall.yoy.station"), "wall-muted"), 0, 0);
        for (YoyGroup g : YoyGroup.values()) {
            table.add(WallCharts.label(groupName(g), "wall-muted"), g.ordinal() + 1, 0);
        }
        List<WallStatistics.StationYoy> stations = new ArrayList<>(y.stations());
        stations.removeIf(s -> s.lines().values().stream().allMatch(l -> l.now() == 0 && l.lastYear() == 0));
        stations.sort(Comparator.comparingDouble((WallStatistics.StationYoy s) -> -worst(s)).thenComparing(WallStatistics.StationYoy::code));
        int r = 1;
        for (WallStatistics.StationYoy s : stations.subList(0, Math.min(LISTED, stations.size()))) {
            table.add(WallCharts.label(s.name(), "wall-text"), 0, r);
            for (YoyGroup g : YoyGroup.values()) {
                YoyLine l = s.lines().get(g);
                table.add(WallCharts.label(WallText.percent(change(l)), "wall-text", style(l)), g.ordinal() + 1, r);
            }
            r++;
        }
        VBox box = WallCharts.gap(new VBox(figures, table), 8);
        if (stations.size() > LISTED) {
            box.getChildren().add(WallCharts.label(ui.i18n().tr("wall.yoy.more", stations.size() - LISTED), "wall-muted"));
        }
        return box;
    }

    /** The largest rise of a station's groups (with a base last year), for the order of the list. */
    private static double worst(WallStatistics.StationYoy s) {
        double w = -Double.MAX_VALUE;
        for (YoyLine l : s.lines().values()) {
            if (change(l) != null) {
                w = Math.max(w, change(l));
            }
        }
        return w;
    }

    @Override
    protected Duration refreshEvery() {
        return Duration.ofMinutes(10);
    }

    @Override
    protected Duration staleAfter() {
        return Duration.ofMinutes(30);
    }
}
