package org.commandroom.app.wall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.commandroom.core.incident.QueueEntry;
import org.commandroom.core.live.Entity;
import org.commandroom.core.wall.WallStatistics;

/** How many incidents are open, how many urgent, and the ones that have waited longest, with their waits live. */
final class OpenIncidentsPanel extends WallPanel<WallStatistics.OpenFigures> {

    /** How many of the longest waits are listed. */
    static final int LISTED = 3;
    /** A wait this long is shown in amber, twice as long in red (the desk's queue uses its own settings). */
    static final Duration WAIT_WARNING = Duration.ofMinutes(15);

    private final List<Runnable> clocks = new ArrayList<>();

    OpenIncidentsPanel(WallUi ui) {
        super(ui, PanelKind.OPEN_INCIDENTS);
        setTitle(ui.i18n().tr("wall.open.title"));
    }

    @Override
    protected WallStatistics.OpenFigures load(WallServices services) {
        return services.statistics().open(LISTED);
    }

    @Override
    protected boolean isEmpty(WallStatistics.OpenFigures data) {
        return false; // none open is news too: the figure says 0
    }

    @Override
    protected Node render(WallStatistics.OpenFigures o) {
        clocks.clear();
        Label open = WallCharts.label(Integer.toString(o.open()), "wall-figure");
        open.setId("wall-open-count");
        Label urgent = WallCharts.label(Integer.toString(o.urgent()), "wall-figure", o.urgent() > 0 ? "danger" : "success");
        Label longest = WallCharts.label("", "wall-figure");
        longest.setId("wall-open-longest");
        clocks.add(() -> {
            Duration d = o.longest().isEmpty() ? Duration.ZERO : o.longest().get(0).waitingAt(ui.clock().instant());
            longest.setText(WallText.clock(d));
            longest.getStyleClass().removeAll("warning", "danger");
            if (d.compareTo(WAIT_WARNING.multipliedBy(2)) >= 0) {
                longest.getStyleClass().add("danger");
            } else if (d.compareTo(WAIT_WARNING) >= 0) {
                longest.getStyleClass().add("warning");
            }
        });
        HBox figures = WallCharts.gap(new HBox(figure(open, ui.i18n().tr("wall.open.count")),
                figure(urgent, ui.i18n().tr("wall.open.urgent")), figure(longest, ui.i18n().tr("wall.open.longest"))), 40);
        figures.setAlignment(Pos.CENTER_LEFT);
        GridPane rows = new GridPane();
        rows.setHgap(20);
        int r = 0;
        for (QueueEntry e : o.longest()) {
            Label wait = WallCharts.label("", "wall-text-strong");
            clocks.add(() -> wait.setText(WallText.clock(e.waitingAt(ui.clock().instant()))));
            rows.add(wait, 0, r);
            rows.add(WallCharts.label(ui.i18n().label(e.type()), "wall-text", e.priority() == 1 ? "danger" : "wall-text"), 1, r);
            rows.add(WallCharts.label(e.stationName() == null ? "—" : e.stationName(), "wall-text"), 2, r);
            rows.add(WallCharts.label(ui.i18n().label(e.status()), "wall-muted"), 3, r);
            r++;
        }
        onTick();
        VBox box = WallCharts.gap(new VBox(figures), 6);
        if (r > 0) {
            box.getChildren().addAll(WallCharts.label(ui.i18n().tr("wall.open.longestList"), "wall-muted"), rows);
        } else {
            box.getChildren().add(WallCharts.label(ui.i18n().tr("wall.open.none"), "wall-text", "success"));
        }
        return box;
    }

    private static VBox figure(Label value, String name) {
        VBox v = new VBox(WallCharts.label(name, "wall-text"), value);
        v.setAlignment(Pos.TOP_LEFT);
        return v;
    }

    @Override
    protected void onTick() {
        clocks.forEach(Runnable::run);
    }

    @Override
    protected Duration refreshEvery() {
        return Duration.ofSeconds(10);
    }

    @Override
    protected Set<Entity> follows() {
        return Set.of(Entity.INCIDENT);
    }
}
