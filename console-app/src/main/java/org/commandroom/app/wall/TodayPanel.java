package org.commandroom.app.wall;

import java.time.Duration;
import java.util.Set;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.live.Entity;
import org.commandroom.core.wall.WallStatistics;

/** Today's incidents by category and by hour, against the same weekday last week and the same date last year. */
final class TodayPanel extends WallPanel<WallStatistics.TodayFigures> {

    TodayPanel(WallUi ui) {
        super(ui, PanelKind.TODAY);
        setTitle(ui.i18n().tr("wall.today.title"));
    }

    @Override
    protected WallStatistics.TodayFigures load(WallServices services) {
        return services.statistics().today();
    }

    @Override
    protected boolean isEmpty(WallStatistics.TodayFigures t) {
        return t.today().dayTotal() == 0 && t.lastWeek().dayTotal() == 0 && t.lastYear().dayTotal() == 0;
    }

    @Override
    protected String emptyText(WallStatistics.TodayFigures t) {
        return ui.i18n().tr("wall.today.none");
    }

    @Override
    protected Node render(WallStatistics.TodayFigures t) {
        Label total = WallCharts.label(Integer.toString(t.today().total()), "wall-figure");
        total.setId("wall-today-total");
        Label totalName = WallCharts.label(ui.i18n().tr("wall.today.total"), "wall-text");
        Label compare = WallCharts.label(ui.i18n().tr("wall.today.compare", t.lastWeek().total(), t.lastYear().total()),
                "wall-muted");
        VBox head = new VBox(totalName, total);
        head.setAlignment(Pos.TOP_LEFT);
        head.setMinWidth(Region.USE_PREF_SIZE);

        GridPane cats = new GridPane();
        cats.setHgap(12);
        cats.setVgap(2);
        ColumnConstraints name = new ColumnConstraints();
        ColumnConstraints num = new ColumnConstraints();
        num.setHalignment(HPos.RIGHT);
        ColumnConstraints bar = new ColumnConstraints();
        bar.setHgrow(Priority.ALWAYS);
        bar.setMinWidth(40);
        ColumnConstraints cmp = new ColumnConstraints();
        cmp.setHalignment(HPos.RIGHT);
        cats.getColumnConstraints().addAll(name, num, bar, cmp);
        int max = 1;
        for (IncidentCategory c : IncidentCategory.values()) {
            max = Math.max(max, Math.max(t.today().byCategory().get(c),
                    Math.max(t.lastWeek().byCategory().get(c), t.lastYear().byCategory().get(c))));
        }
        int row = 0;
        for (IncidentCategory c : IncidentCategory.values()) {
            int now = t.today().byCategory().get(c);
            cats.add(WallCharts.label(ui.i18n().label(c), "wall-text"), 0, row);
            cats.add(WallCharts.label(Integer.toString(now), "wall-text-strong"), 1, row);
            cats.add(WallCharts.bar(now / (double) max, "wall-bar-today"), 2, row);
            cats.add(WallCharts.label(t.lastWeek().byCategory().get(c) + " / " + t.lastYear().byCategory().get(c), "wall-muted"), 3, row);
            row++;
        }
        cats.setMinWidth(0);
        HBox top = WallCharts.gap(new HBox(head, cats), 24);
        HBox.setHgrow(cats, Priority.ALWAYS);
        compare.setWrapText(true);
        compare.setMinWidth(0);

        WallCharts.HourChart hours = new WallCharts.HourChart(
                new int[][] {t.today().byHour(), t.lastWeek().byHour(), t.lastYear().byHour()},
                new String[] {"wall-bar-today", "wall-bar-week", "wall-bar-year"});
        VBox.setVgrow(hours, Priority.ALWAYS);
        HBox keys = WallCharts.gap(new HBox(WallCharts.key(ui.i18n().tr("wall.today.key.today"), "wall-swatch-today"),
                WallCharts.key(ui.i18n().tr("wall.today.key.week"), "wall-swatch-week"),
                WallCharts.key(ui.i18n().tr("wall.today.key.year"), "wall-swatch-year"),
                WallCharts.label(ui.i18n().tr("wall.today.byHour"), "wall-muted")), 24);
        keys.setAlignment(Pos.CENTER_LEFT);
        VBox box = WallCharts.gap(new VBox(top, compare, keys, hours), 6);
        return box;
    }

    @Override
    protected Duration refreshEvery() {
        return Duration.ofSeconds(30);
    }

    @Override
    protected Set<Entity> follows() {
        return Set.of(Entity.INCIDENT);
    }
}
