package org.commandroom.app.ui.units;

import java.util.Locale;
import java.util.function.Function;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.ColumnFit;
import org.commandroom.app.ui.common.Columns;
import org.commandroom.app.ui.common.Durations;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.unit.UnitBoardEntry;
import org.commandroom.core.unit.UnitStatus;

/** The unit board table. Binds to {@link UnitBoardViewModel}; follows the feed only while shown. */
public final class UnitBoardView {

    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final UnitBoardViewModel vm;
    private final UiContext ui;
    private final VBox root = new VBox();
    private final TableView<UnitRow> table = new TableView<>();
    private final Runnable tick;
    private final Lifecycle lifecycle;

    public UnitBoardView(UnitBoardViewModel vm, UiContext ui) {
        this.vm = vm;
        this.ui = ui;
        this.tick = vm::tick;
        root.getStyleClass().addAll("panel", "unit-board");
        root.setId("unit-board");

        Label title = new Label(ui.i18n().tr("units.title"));
        title.getStyleClass().add("panel-title");
        Label count = new Label();
        count.getStyleClass().add("panel-count");
        count.textProperty().bind(Bindings.size(vm.rows()).map(n -> ui.i18n().tr("units.count", n.intValue())));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(title, spacer, count);
        header.getStyleClass().add("panel-header");

        table.setId("unit-board-table");
        table.getStyleClass().add(Styles.DENSE);
        table.setItems(vm.rows());
        table.setRowFactory(org.commandroom.app.ui.common.WatchingRow.factory(UnitRow::staleProperty,
                stale -> stale ? STALE : null, STALE));
        table.setPlaceholder(new Label(ui.i18n().tr("units.empty")));
        addColumns();
        VBox.setVgrow(table, Priority.ALWAYS);

        Label error = new Label();
        error.getStyleClass().add("load-error");
        error.textProperty().bind(vm.loadErrorProperty().map(m -> ui.i18n().tr("units.loadError", m)));
        error.visibleProperty().bind(vm.loadErrorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        root.getChildren().addAll(header, error, table);
        lifecycle = Lifecycle.whileShowing(root, this::onShow, this::onHide);
    }

    private void onShow() {
        vm.activate();
        ui.ticker().subscribe(tick);
    }

    private void onHide() {
        ui.ticker().unsubscribe(tick);
        vm.deactivate();
    }

    /** Key columns: call-sign, status and the age of the last fix; station, kind and crew are hidden, in that order, where narrow. */
    private void addColumns() {
        var i18n = ui.i18n();
        TableColumn<UnitRow, String> callSign = textColumn("units.col.callSign", 110, "col-call-sign", UnitBoardEntry::callSign);
        Columns.freeText(callSign);
        Columns.minWidth(callSign, 80);
        TableColumn<UnitRow, String> kind = textColumn("units.col.kind", 70, "col-kind", e -> i18n.label(e.kind()));
        Columns.values(kind, java.util.Arrays.stream(org.commandroom.core.unit.UnitKind.values()).map(i18n::label).toList());

        TableColumn<UnitRow, UnitBoardEntry> status = new TableColumn<>(i18n.tr("units.col.status"));
        status.setCellValueFactory(cd -> cd.getValue().entryProperty());
        status.setCellFactory(c -> new StatusCell());
        Columns.setup(status, 80, "col-status");
        Columns.boldValues(status, java.util.Arrays.stream(UnitStatus.values()).map(i18n::label).toList());

        TableColumn<UnitRow, String> crew = textColumn("units.col.crew", 230, "col-crew", e -> e.crew().isEmpty()
                ? i18n.tr("common.none") : String.join(i18n.tr("common.listSeparator"), e.crew()));
        Columns.freeText(crew);
        Columns.minWidth(crew, 100);
        TableColumn<UnitRow, String> station = textColumn("units.col.station", 120, "col-station", UnitBoardEntry::stationName);
        Columns.freeText(station);

        TableColumn<UnitRow, String> age = new TableColumn<>(i18n.tr("units.col.positionAge"));
        age.setCellValueFactory(cd -> cd.getValue().positionAgeProperty().map(d -> Durations.age(d, i18n))
                .orElse(i18n.tr("age.never")));
        Columns.setup(age, 100, "col-position-age");
        Columns.boldValues(age, java.util.stream.Stream.of(java.time.Duration.ofSeconds(59), java.time.Duration.ofMinutes(59),
                java.time.Duration.ofHours(23), java.time.Duration.ofDays(30), null).map(d -> Durations.age(d, i18n)).toList());
        // Key columns first; the crew last, where it takes the width that is left.
        table.getColumns().addAll(java.util.List.of(callSign, status, age, kind, station, crew));
        ColumnFit.install(table, station, kind, crew);
    }

    private TableColumn<UnitRow, String> textColumn(String key, double width, String styleClass,
                                                Function<UnitBoardEntry, String> text) {
        return Columns.text(ui.i18n().tr(key), width, styleClass, UnitRow::entryProperty, text);
    }

    public Node root() {
        return root;
    }

    public TableView<UnitRow> table() {
        return table;
    }


    private final class StatusCell extends TableCell<UnitRow, UnitBoardEntry> {
        @Override
        protected void updateItem(UnitBoardEntry e, boolean empty) {
            super.updateItem(e, empty);
            UnitStatus s = empty || e == null ? null : e.status();
            setText(s == null ? null : ui.i18n().label(s));
            for (UnitStatus each : UnitStatus.values()) {
                pseudoClassStateChanged(pseudo(each), each == s);
            }
        }
    }

    static PseudoClass pseudo(UnitStatus s) {
        return PseudoClass.getPseudoClass("unit-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
