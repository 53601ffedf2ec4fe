package org.commandroom.app.drill;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.drill.DrillHistory;

/**
 * A trainee's drill history: the finished drills read from the drills folder ({@link DrillHistory}), newest first,
 * with the scenario, trainee and score, and the average share of the possible points. Filled once the files are read
 * (off the FX thread, by the caller).
 */
public final class DrillHistoryView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final VBox root;
    private final TableView<DrillHistory.Entry> table = new TableView<>();
    private final Label summary = new Label();
    private final javafx.scene.control.Button replay;
    private java.util.function.Consumer<DrillHistory.Entry> onReplay;
    private final I18n i18n;
    private final ZoneId zone;

    public DrillHistoryView(I18n i18n, ZoneId zone) {
        this.i18n = i18n;
        this.zone = zone;
        this.replay = new javafx.scene.control.Button(i18n.tr("drill.replay.open"));
        table.setId("drill-history");
        table.setPlaceholder(new Label(i18n.tr("drill.history.empty")));
        table.getColumns().add(column(i18n.tr("drill.history.col.finished"), 140, e -> WHEN.withZone(zone).format(e.finishedAt())));
        table.getColumns().add(column(i18n.tr("drill.history.col.scenario"), 300, this::scenarioName));
        table.getColumns().add(column(i18n.tr("drill.history.col.trainee"), 100, DrillHistory.Entry::trainee));
        table.getColumns().add(column(i18n.tr("drill.history.col.score"), 90, e -> e.total() + " / " + e.maxPoints()));
        table.getColumns().add(column(i18n.tr("drill.history.col.deducted"), 70, e -> Integer.toString(e.deducted())));
        summary.setId("drill-history-summary");
        VBox.setVgrow(table, Priority.ALWAYS);
        replay.setId("drill-history-replay");
        replay.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        replay.setOnAction(e -> {
            DrillHistory.Entry chosen = table.getSelectionModel().getSelectedItem();
            if (chosen != null && onReplay != null) {
                onReplay.accept(chosen);
            }
        });
        root = new VBox(8, summary, table, replay);
        root.getStyleClass().add("drill-history");
    }

    private String scenarioName(DrillHistory.Entry e) {
        boolean english = "en".equals(i18n.locale().getLanguage());
        return english && e.scenarioNameEn() != null ? e.scenarioNameEn() : e.scenarioName();
    }

    private static TableColumn<DrillHistory.Entry, String> column(String name, double width,
                                                                  java.util.function.Function<DrillHistory.Entry, String> value) {
        TableColumn<DrillHistory.Entry, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    /** Shows the drills read (on the FX thread). */
    public void show(List<DrillHistory.Entry> entries) {
        table.setItems(FXCollections.observableArrayList(entries));
        int possible = entries.stream().mapToInt(DrillHistory.Entry::maxPoints).sum();
        int earned = entries.stream().mapToInt(DrillHistory.Entry::total).sum();
        summary.setText(entries.isEmpty() ? i18n.tr("drill.history.empty")
                : i18n.tr("drill.history.count", entries.size(), possible == 0 ? 0 : Math.round(100.0 * earned / possible)));
    }

    /** What the replay button does with the chosen drill. */
    public void setOnReplay(java.util.function.Consumer<DrillHistory.Entry> action) {
        this.onReplay = action;
    }

    /** Says a drill could not be replayed (no exception text). */
    public void replayFailed() {
        summary.setText(i18n.tr("drill.replay.failed"));
    }

    /** Says the history could not be read (no exception text). */
    public void failed() {
        summary.setText(i18n.tr("drill.history.failed"));
    }

    public Node root() {
        return root;
    }
}
