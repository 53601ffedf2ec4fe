package org.commandroom.app.ui.prevention;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.Converters;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.workhours.WorkHours;
import org.commandroom.core.workhours.WorkKind;
import org.commandroom.core.workhours.WorkTime;

/**
 * The work-hours tab: by day, week or month over a span, per station (its officers added up, bold) and per officer and
 * unit, hours by kind of work; the rule of each kind stated under the table.
 */
public final class WorkHoursView {

    private final WorkHoursViewModel vm;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final TableView<WorkHoursViewModel.Line> table = new TableView<>();

    private final TableExport export;

    /** {@code tasks} writes the export off the FX thread. */
    public WorkHoursView(WorkHoursViewModel vm, I18n i18n, org.commandroom.app.ui.common.Tasks tasks, java.time.Clock clock) {
        this.vm = vm;
        this.i18n = i18n;
        ComboBox<WorkTime.Granularity> by = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                WorkTime.Granularity.values()));
        by.setId("workhours-granularity");
        by.setConverter(Converters.shown(g -> switch (g) {
            case DAY -> i18n.tr("prevention.workhours.byDay");
            case WEEK -> i18n.tr("prevention.workhours.byWeek");
            case MONTH -> i18n.tr("prevention.workhours.byMonth");
        }));
        by.valueProperty().bindBidirectional(vm.granularityProperty());
        DatePicker from = new DatePicker();
        from.setId("workhours-from");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("workhours-to");
        to.valueProperty().bindBidirectional(vm.toProperty());
        ComboBox<String> station = new ComboBox<>(vm.stations());
        station.setId("workhours-station");
        station.setPromptText(i18n.tr("prevention.workhours.allStations"));
        station.valueProperty().bindBidirectional(vm.stationProperty());
        Button all = new Button(i18n.tr("prevention.workhours.allStations"));
        all.setId("workhours-all-stations");
        all.setOnAction(e -> vm.stationProperty().set(null));
        Button show = new Button(i18n.tr("prevention.workhours.show"));
        show.setId("workhours-show");
        show.setDefaultButton(true);
        show.disableProperty().bind(vm.busyProperty());
        show.setOnAction(e -> vm.load());
        by.valueProperty().addListener((o, was, is) -> vm.load());
        Label message = new Label();
        message.setId("workhours-message");
        message.textProperty().bind(vm.messageProperty());
        HBox bar = new HBox(8, new Label(i18n.tr("prevention.workhours.by")), by, new Label(i18n.tr("prevention.workhours.from")),
                from, new Label(i18n.tr("prevention.workhours.to")), to, show, new Label(i18n.tr("prevention.workhours.station")),
                station, all, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));

        table.setId("workhours-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(vm.lines());
        table.setPlaceholder(new Label(i18n.tr("prevention.workhours.none")));
        table.getColumns().add(column(i18n.tr("prevention.workhours.stationColumn"), 120, WorkHoursViewModel.Line::station));
        table.getColumns().add(column(i18n.tr("prevention.workhours.worker"), 130, this::worker));
        table.getColumns().add(column(i18n.tr("prevention.workhours.period"), 120, l -> period(l.period())));
        table.getColumns().add(column(i18n.tr("prevention.workhours.total"), 90, l -> hours(l.total())));
        table.getColumns().add(column(i18n.tr("prevention.workhours.kind.travel"), 90, l -> hours(l, WorkKind.TRAVEL)));
        table.getColumns().add(column(i18n.tr("prevention.workhours.kind.onScene"), 90, l -> hours(l, WorkKind.ON_SCENE)));
        table.getColumns().add(column(i18n.tr("prevention.workhours.kind.inspection"), 90, l -> hours(l, WorkKind.INSPECTION)));
        table.getColumns().add(column(i18n.tr("prevention.workhours.kind.visit"), 90, l -> hours(l, WorkKind.VISIT)));
        table.getColumns().add(column(i18n.tr("prevention.workhours.kind.task"), 90, l -> hours(l, WorkKind.TASK)));
        table.getColumns().add(column(i18n.tr("prevention.workhours.inCommunity"), 110, l -> hours(l.inCommunity())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(WorkHoursViewModel.Line l, boolean empty) {
                super.updateItem(l, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("total"), !empty && l != null && l.worker() == null);
            }
        });

        Label rule = new Label(String.join("\n", i18n.tr("prevention.workhours.rule.travel"),
                i18n.tr("prevention.workhours.rule.onScene"), i18n.tr("prevention.workhours.rule.own"),
                i18n.tr("prevention.workhours.rule.once"), i18n.tr("prevention.workhours.rule.community")));
        rule.setId("workhours-rule");
        rule.setWrapText(true);
        rule.getStyleClass().add("rule-statement");
        root.setTop(bar);
        root.setCenter(table);
        export = new TableExport("workhours-export", table, i18n, tasks, clock, "prevention.export.hoursFile");
        HBox exportBar = new HBox(8, export.button(), export.status());
        exportBar.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(6, exportBar, rule);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        root.setBottom(bottom);
        root.setPadding(new Insets(8));
    }

    private TableColumn<WorkHoursViewModel.Line, String> column(String title, double width,
                                                                Function<WorkHoursViewModel.Line, String> value) {
        TableColumn<WorkHoursViewModel.Line, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private String worker(WorkHoursViewModel.Line l) {
        if (l.worker() == null) {
            return i18n.tr("prevention.workhours.stationTotal");
        }
        return l.worker().type() == WorkHours.Worker.Type.UNIT ? i18n.tr("prevention.workhours.unit", l.worker().name())
                : l.worker().name();
    }

    private String period(LocalDate d) {
        return switch (vm.granularityProperty().get()) {
            case DAY -> d.toString();
            case WEEK -> i18n.tr("prevention.workhours.week", String.valueOf(d.get(IsoFields.WEEK_BASED_YEAR)),
                    String.format(Locale.ROOT, "%02d", d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                    DateTimeFormatter.ofPattern("MM-dd").format(d));
            case MONTH -> DateTimeFormatter.ofPattern("yyyy-MM").format(d);
        };
    }

    private static String hours(WorkHoursViewModel.Line l, WorkKind k) {
        return hours(l.seconds().getOrDefault(k, 0L));
    }

    /** Seconds as hours with two decimals; nothing for none. */
    static String hours(long seconds) {
        return seconds == 0 ? "" : String.format(Locale.ROOT, "%.2f", seconds / 3600.0);
    }

    public Node root() {
        return root;
    }

    TableExport export() {
        return export;
    }

    TableView<WorkHoursViewModel.Line> table() {
        return table;
    }
}
