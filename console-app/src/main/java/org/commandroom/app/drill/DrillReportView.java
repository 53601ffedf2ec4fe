package org.commandroom.app.drill;

import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.drill.DrillReport;
import org.commandroom.core.drill.DrillScore;
import org.commandroom.core.drill.ScenarioLoader;

/**
 * The after-action report on screen, from the same {@link DrillReport} as the PDF: the score and its breakdown per
 * competence, and the timeline of expected and actual actions with the instructor's notes at their time. Read-only;
 * built once from a finished report.
 */
public final class DrillReportView {

    private final VBox root;
    /** A key moment's map on screen, in pixels. */
    static final int MAP_PX = 240;

    public DrillReportView(DrillReport r, I18n i18n) {
        Label title = new Label(i18n.tr("drill.report.title") + " · " + r.scenario().name(i18n.locale()));
        title.getStyleClass().add("title-3");
        Label who = new Label(i18n.tr("drill.report.trainee", r.trainee()));
        Label score = new Label(i18n.tr("drill.report.score", r.score().total(), r.score().maxPoints(), r.score().deducted()));
        score.setId("drill-report-score");
        VBox competences = new VBox(2, new Label(i18n.tr("drill.report.competence")));
        for (Map.Entry<String, int[]> e : r.score().byCompetence().entrySet()) {
            competences.getChildren().add(new Label("    " + e.getKey() + "  " + e.getValue()[0] + " / " + e.getValue()[1]));
        }
        TableView<DrillReport.Row> table = new TableView<>(FXCollections.observableArrayList(r.rows()));
        table.setId("drill-report-timeline");
        table.getColumns().add(column(i18n.tr("drill.report.col.time"), 70, row -> ScenarioLoader.format(row.at())));
        table.getColumns().add(column(i18n.tr("drill.report.col.expected"), 420, DrillReport.Row::expected));
        table.getColumns().add(column(i18n.tr("drill.report.col.actual"), 300, DrillReport.Row::actual));
        table.getColumns().add(column(i18n.tr("drill.report.col.result"), 110,
                row -> row.kind() == DrillReport.RowKind.NOTE ? i18n.tr("drill.report.note") : outcome(row.outcome(), i18n)));
        table.getColumns().add(column(i18n.tr("drill.report.col.points"), 60,
                row -> row.kind() == DrillReport.RowKind.EXPECTED || row.kind() == DrillReport.RowKind.UNANSWERED
                        ? Integer.toString(row.points()) : ""));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DrillReport.Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("drill-note", "drill-unanswered");
                if (!empty && item != null && item.kind() == DrillReport.RowKind.NOTE) {
                    getStyleClass().add("drill-note");
                } else if (!empty && item != null && item.kind() == DrillReport.RowKind.UNANSWERED) {
                    getStyleClass().add("drill-unanswered");
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(8, title, who, score, competences, new Label(i18n.tr("drill.report.timeline")), table);
        if (!r.maps().isEmpty()) {
            // The map at each key moment (drawn in memory, no I/O): the event, the units, the two nearest ranked.
            javafx.scene.layout.HBox maps = new javafx.scene.layout.HBox(12);
            maps.setId("drill-report-maps");
            for (DrillReport.KeyMoment m : r.maps()) {
                javafx.scene.image.ImageView map = new javafx.scene.image.ImageView(new javafx.scene.image.Image(
                        new java.io.ByteArrayInputStream(m.map().png(MAP_PX, MAP_PX))));
                map.getStyleClass().add("drill-report-map");
                maps.getChildren().add(new VBox(4, new Label(ScenarioLoader.format(m.at()) + "  " + m.title()), map));
            }
            javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(maps);
            scroll.setMinHeight(MAP_PX + 50);
            scroll.setFitToHeight(true);
            root.getChildren().addAll(new Label(i18n.tr("drill.report.maps")), new Label(i18n.tr("drill.report.maps.legend")),
                    scroll);
        }
        root.getStyleClass().add("drill-report");
    }

    private static TableColumn<DrillReport.Row, String> column(String name, double width,
                                                               java.util.function.Function<DrillReport.Row, String> value) {
        TableColumn<DrillReport.Row, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        // Long texts (what the caller said, a note) wrap within the column instead of being cut.
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final Label label = new Label();

            {
                label.setWrapText(true);
                label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                label.maxWidthProperty().bind(col.widthProperty().subtract(12));
                setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                label.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : label);
                setText(null);
            }
        });
        return c;
    }

    static String outcome(DrillScore.Outcome o, I18n i18n) {
        if (o == null) {
            return "";
        }
        switch (o) {
            case ON_TIME:
                return i18n.tr("drill.outcome.onTime");
            case LATE:
                return i18n.tr("drill.outcome.late");
            case MISSED:
                return i18n.tr("drill.outcome.missed");
            default:
                return i18n.tr("drill.outcome.pending");
        }
    }

    public Node root() {
        return root;
    }
}
