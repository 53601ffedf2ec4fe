package org.commandroom.app.ui.index;

import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.commandroom.app.report.IndexWords;
import org.commandroom.app.ui.common.Converters;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.index.IndexTrace;
import org.commandroom.core.index.IndicatorDef;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.StationFacts;

/**
 * The manual-entry form (人工填报): station, period, manual indicator, value (with the indicator's unit and allowed
 * range beside it), a note, and 保存; under it the value in force and the form's message (red for a refusal).
 */
final class ManualEntryForm {

    private final GridPane root = new GridPane();
    private final ManualEntryViewModel vm;
    private final UiContext ui;
    private final Label hint = new Label();
    private final Label current = new Label();
    private final Label message = new Label();
    private final IndexWords words;

    ManualEntryForm(ManualEntryViewModel vm, UiContext ui, List<Period> periods, IndexWords words) {
        this.vm = vm;
        this.ui = ui;
        this.words = words;
        root.setId("index-manual-form");
        root.setHgap(8);
        root.setVgap(8);
        root.setPadding(new Insets(10));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        root.getColumnConstraints().addAll(labels, fields);

        ComboBox<StationFacts> station = new ComboBox<>(vm.stations());
        station.setId("manual-station");
        station.setConverter(Converters.shown(s -> s.name()));
        station.valueProperty().bindBidirectional(vm.stationProperty());
        ComboBox<Period> period = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(periods));
        period.setId("manual-period");
        period.setConverter(Converters.shown(words::period));
        period.valueProperty().bindBidirectional(vm.periodProperty());
        ComboBox<IndicatorDef> indicator = new ComboBox<>(vm.indicators());
        indicator.setId("manual-indicator");
        indicator.setConverter(Converters.shown(d -> ManualEntryViewModel.indicatorLabel(d, ui.i18n().locale())));
        indicator.valueProperty().bindBidirectional(vm.indicatorProperty());
        indicator.setVisibleRowCount(14);
        TextField value = new TextField();
        value.setId("manual-value");
        value.textProperty().bindBidirectional(vm.valueProperty());
        value.setOnAction(e -> vm.save());
        hint.setId("manual-hint");
        hint.getStyleClass().add("text-muted");
        TextArea note = new TextArea();
        note.setId("manual-note");
        note.setPrefRowCount(2);
        note.setWrapText(true);
        note.textProperty().bindBidirectional(vm.noteProperty());
        Button save = new Button(ui.i18n().tr("index.manual.save"));
        save.setId("manual-save");
        save.setDefaultButton(false);
        save.disableProperty().bind(vm.savingProperty());
        save.setOnAction(e -> vm.save());
        current.setId("manual-current");
        current.setWrapText(true);
        message.setId("manual-message");
        message.setWrapText(true);
        for (ComboBox<?> c : List.of(station, period, indicator)) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        int row = 0;
        root.addRow(row++, new Label(ui.i18n().tr("index.manual.station")), station);
        root.addRow(row++, new Label(ui.i18n().tr("index.manual.period")), period);
        root.addRow(row++, new Label(ui.i18n().tr("index.manual.indicator")), indicator);
        javafx.scene.layout.HBox valueRow = new javafx.scene.layout.HBox(8, value, hint);
        valueRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root.addRow(row++, new Label(ui.i18n().tr("index.manual.value")), valueRow);
        root.addRow(row++, new Label(ui.i18n().tr("index.manual.note")), note);
        root.add(save, 1, row++);
        root.add(current, 0, row++, 2, 1);
        root.add(message, 0, row, 2, 1);

        vm.indicatorProperty().addListener((o, was, d) -> {
            showHint(d);
            showCurrent(vm.inForceProperty().get());
        });
        vm.inForceProperty().addListener((o, was, e) -> showCurrent(e));
        vm.messageProperty().addListener((o, was, m) -> showMessage(m));
        showHint(vm.indicatorProperty().get());
        showCurrent(null);
    }

    private void showHint(IndicatorDef d) {
        if (d == null) {
            hint.setText(ui.i18n().tr("index.manual.pick"));
            return;
        }
        String range = ManualEntryViewModel.range(d);
        hint.setText(range == null ? ui.i18n().tr("index.manual.unit", words.unit(d))
                : ui.i18n().tr("index.manual.unitRange", words.unit(d), range));
    }

    private void showCurrent(IndexTrace.ManualEntryRef e) {
        if (e == null) {
            current.setText(vm.indicatorProperty().get() == null ? "" : ui.i18n().tr("index.manual.noneInForce"));
            return;
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ui.clock().getZone());
        current.setText(ui.i18n().tr("index.manual.inForce", ManualEntryViewModel.fmt(e.value()), e.enteredBy(),
                f.format(e.enteredAt()), source(ui.i18n(), e.source())));
    }

    private void showMessage(ManualEntryViewModel.Message m) {
        message.getStyleClass().removeAll("danger", "success");
        if (m == null) {
            message.setText("");
            return;
        }
        message.setText(ui.i18n().tr(m.key(), m.args().stream().map(a -> a instanceof IndicatorDef d ? words.unit(d)
                : a instanceof Period p ? words.period(p) : a).toArray()));
        message.getStyleClass().add(m.error() ? "danger" : "success");
    }

    /** Where a manual value came from: the form, or a sheet by its file name ({@code FORM}, {@code SHEET name}). */
    static String source(org.commandroom.app.ui.common.I18n i18n, String source) {
        if (source == null || "FORM".equals(source)) {
            return i18n.tr("index.manual.source.form");
        }
        return source.startsWith("SHEET ") ? i18n.tr("index.manual.source.sheet", source.substring("SHEET ".length())) : source;
    }

    Node root() {
        return root;
    }

    Label message() {
        return message;
    }
}
