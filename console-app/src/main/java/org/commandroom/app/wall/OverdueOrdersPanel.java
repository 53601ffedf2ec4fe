package org.commandroom.app.wall;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.commandroom.core.live.Entity;
import org.commandroom.core.wall.WallStatistics;

/** Orders past their sign or feedback deadline now, by station, the most overdue first. */
final class OverdueOrdersPanel extends WallPanel<List<WallStatistics.Overdue>> {

    /** Stations listed; the rest are counted in one line. */
    static final int LISTED = 6;

    OverdueOrdersPanel(WallUi ui) {
        super(ui, PanelKind.OVERDUE_ORDERS);
        setTitle(ui.i18n().tr("wall.overdue.title"));
    }

    @Override
    protected List<WallStatistics.Overdue> load(WallServices services) {
        return services.statistics().overdueByStation();
    }

    @Override
    protected boolean isEmpty(List<WallStatistics.Overdue> data) {
        return false; // none overdue is shown as a 0
    }

    @Override
    protected Node render(List<WallStatistics.Overdue> rows) {
        long unsigned = rows.stream().mapToLong(WallStatistics.Overdue::unsigned).sum();
        long feedback = rows.stream().mapToLong(WallStatistics.Overdue::noFeedback).sum();
        Label total = WallCharts.label(Long.toString(unsigned + feedback), "wall-figure", unsigned + feedback > 0 ? "danger" : "success");
        total.setId("wall-overdue-total");
        VBox left = new VBox(WallCharts.label(ui.i18n().tr("wall.overdue.total"), "wall-text"), total,
                WallCharts.label(ui.i18n().tr("wall.overdue.unsigned", unsigned), "wall-text"),
                WallCharts.label(ui.i18n().tr("wall.overdue.noFeedback", feedback), "wall-text"));
        left.setMinWidth(Region.USE_PREF_SIZE);
        if (rows.isEmpty()) {
            left.getChildren().add(WallCharts.label(ui.i18n().tr("wall.overdue.none"), "wall-text", "success"));
            return left;
        }
        // the stations beside the figures: the panel is wide and low
        GridPane grid = new GridPane();
        grid.setHgap(24);
        ColumnConstraints name = new ColumnConstraints();
        ColumnConstraints a = new ColumnConstraints();
        a.setHalignment(HPos.RIGHT);
        ColumnConstraints b = new ColumnConstraints();
        b.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().addAll(name, a, b);
        grid.add(WallCharts.label(ui.i18n().tr("wall.overdue.station"), "wall-muted"), 0, 0);
        grid.add(WallCharts.label(ui.i18n().tr("wall.overdue.col.unsigned"), "wall-muted"), 1, 0);
        grid.add(WallCharts.label(ui.i18n().tr("wall.overdue.col.noFeedback"), "wall-muted"), 2, 0);
        int r = 1;
        for (WallStatistics.Overdue o : rows.subList(0, Math.min(LISTED, rows.size()))) {
            grid.add(WallCharts.label(o.stationName(), "wall-text"), 0, r);
            grid.add(WallCharts.label(Long.toString(o.unsigned()), "wall-text-strong", o.unsigned() > 0 ? "danger" : "wall-text-strong"), 1, r);
            grid.add(WallCharts.label(Long.toString(o.noFeedback()), "wall-text-strong", o.noFeedback() > 0 ? "danger" : "wall-text-strong"), 2, r);
            r++;
        }
        VBox right = new VBox(grid);
        if (rows.size() > LISTED) {
            right.getChildren().add(WallCharts.label(ui.i18n().tr("wall.overdue.more", rows.size() - LISTED), "wall-muted"));
        }
        HBox box = WallCharts.gap(new HBox(left, right), 40);
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    @Override
    protected Duration refreshEvery() {
        return Duration.ofSeconds(15);
    }

    @Override
    protected Set<Entity> follows() {
        return Set.of(Entity.ORDER);
    }
}
