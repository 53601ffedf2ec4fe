package org.commandroom.app.wall;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.commandroom.core.wall.WallStatistics;

/** The header: the wall's name, the clock and date, the duty commander (值班长) and the leader on duty (指挥长). */
final class ClockPanel extends WallPanel<WallStatistics.Duty> {

    private final Label time = WallCharts.label("", "wall-clock");
    private final Label date = WallCharts.label("", "wall-date");

    ClockPanel(WallUi ui) {
        super(ui, PanelKind.CLOCK);
        time.setId("wall-clock");
        setTitle("");
        onTick();
        showPlaceholder();
    }

    @Override
    protected WallStatistics.Duty placeholder() {
        return new WallStatistics.Duty(java.util.Optional.empty(), java.util.Optional.empty());
    }

    @Override
    protected WallStatistics.Duty load(WallServices services) {
        return services.statistics().duty();
    }

    @Override
    protected boolean isEmpty(WallStatistics.Duty data) {
        return false;
    }

    @Override
    protected Node render(WallStatistics.Duty duty) {
        Label heading = WallCharts.label(ui.i18n().tr("wall.title"), "wall-heading");
        String nobody = loadedAt() == null ? "…"
                : ui.i18n().tr(duty.fromRoster() ? "wall.duty.none" : "wall.duty.noRoster");
        Label commander = WallCharts.label(ui.i18n().tr("wall.duty.commander", duty.commander().orElse(nobody)), "wall-text-strong");
        commander.setId("wall-duty-commander");
        Label leader = WallCharts.label(ui.i18n().tr("wall.duty.leader", duty.leader().orElse(nobody)), "wall-text-strong");
        leader.setId("wall-duty-leader");
        Node firstLine = commander;
        if (loadedAt() != null && !duty.fromRoster() && (duty.commander().isPresent() || duty.leader().isPresent())) {
            // the settings' names, said not to be the roster's (beside the first line: the header stays one row high)
            Label source = WallCharts.label(ui.i18n().tr("wall.duty.fallback"), "wall-text");
            source.setId("wall-duty-source");
            HBox first = WallCharts.gap(new HBox(commander, source), 12);
            first.setAlignment(Pos.BASELINE_LEFT);
            firstLine = first;
        }
        VBox dutyBox = new VBox(firstLine, leader);
        dutyBox.setAlignment(Pos.CENTER_LEFT);
        // the date beside the time: the header is one row of cells high
        HBox clockBox = WallCharts.gap(new HBox(date, time), 16);
        clockBox.setAlignment(Pos.CENTER_RIGHT);
        Region g1 = new Region();
        Region g2 = new Region();
        HBox.setHgrow(g1, Priority.ALWAYS);
        HBox.setHgrow(g2, Priority.ALWAYS);
        HBox row = new HBox(heading, g1, dutyBox, g2, clockBox);
        row.setAlignment(Pos.CENTER_LEFT);
        WallCharts.gap(row, 24);
        return row;
    }

    @Override
    protected void onTick() {
        var now = ui.clock().instant().atZone(ui.clock().getZone());
        time.setText(DateTimeFormatter.ofPattern("HH:mm:ss").format(now));
        date.setText(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(ui.i18n().locale()).format(now));
    }

    /** The shift change: the names change then, not at the next minute's read. */
    @Override
    protected java.time.Instant refreshAt() {
        return data() == null ? null : data().changesAt();
    }

    /** An edit of the roster at any workstation is read at once. */
    @Override
    protected java.util.Set<org.commandroom.core.live.Entity> follows() {
        return java.util.Set.of(org.commandroom.core.live.Entity.ROSTER);
    }

    @Override
    protected Duration refreshEvery() {
        return Duration.ofMinutes(1);
    }

    @Override
    protected Duration staleAfter() {
        return Duration.ofMinutes(5);
    }
}
