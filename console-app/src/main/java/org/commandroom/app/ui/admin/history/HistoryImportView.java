package org.commandroom.app.ui.admin.history;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.history.TimeFormat;
import org.commandroom.core.incident.IncidentType;

/**
 * The view of the history import page ({@link HistoryImportViewModel}): source and file, then the mapping tables
 * (field ← column with samples and time format; zone and datum; priority table; type table and the "other" type),
 * then 检查 and 导入 (after a clean check only), the bar, the outcome line and the problems table. Node ids start
 * with {@code history-}.
 */
public final class HistoryImportView {

    /** Chooses the file; a test gives its own. */
    @FunctionalInterface
    public interface FileChoice {
        java.util.Optional<java.nio.file.Path> choose(javafx.stage.Window owner, String title);
    }

    private final VBox content = new VBox(10);
    private final ScrollPane root = new ScrollPane(content);

    public HistoryImportView(HistoryImportViewModel vm, I18n i18n) {
        this(vm, i18n, (owner, title) -> {
            FileChooser c = new FileChooser();
            c.setTitle(title);
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.tr("admin.history.choose.filter"),
                    "*.csv", "*.CSV", "*.xlsx", "*.XLSX", "*.txt"));
            File f = c.showOpenDialog(owner);
            return java.util.Optional.ofNullable(f).map(File::toPath);
        });
    }

    public HistoryImportView(HistoryImportViewModel vm, I18n i18n, FileChoice chooser) {
        root.setId("history-page");
        root.setFitToWidth(true);
        content.setPadding(new Insets(12, 16, 12, 16));
        content.getStyleClass().add("setup-page");

        Label heading = new Label(i18n.tr("admin.history.title"));
        heading.getStyleClass().add("setup-page-title");
        Label about = new Label(i18n.tr("admin.history.about"));
        about.setWrapText(true);
        about.setMinHeight(Region.USE_PREF_SIZE);

        ComboBox<String> source = new ComboBox<>(vm.sources());
        source.setId("history-source");
        source.setEditable(true);
        source.setPromptText(i18n.tr("admin.history.source.prompt"));
        source.getEditor().textProperty().bindBidirectional(vm.sourceProperty());
        Button choose = new Button(i18n.tr("admin.history.choose"));
        choose.setId("history-choose");
        choose.disableProperty().bind(vm.busyProperty());
        choose.setOnAction(e -> chooser.choose(root.getScene() == null ? null : root.getScene().getWindow(),
                org.commandroom.app.ui.common.FileLimits.title(i18n, i18n.tr("admin.history.choose"),
                        org.commandroom.core.history.HistoryTable.LIMIT)).ifPresent(f -> {
                    vm.fileProperty().set(f);
                    if (vm.canLoad().get()) {
                        vm.load(); // a chosen file is read at once; 读取 reads it again (after naming the source, say)
                    }
                }));
        Label file = new Label();
        file.setId("history-file");
        file.setMinWidth(0);
        file.textProperty().bind(Bindings.createStringBinding(() -> vm.fileProperty().get() == null
                ? i18n.tr("admin.history.file.none") : vm.fileProperty().get().getFileName().toString(), vm.fileProperty()));
        Button read = new Button(i18n.tr("admin.history.read"));
        read.setId("history-read");
        read.disableProperty().bind(vm.canLoad().not());
        read.setOnAction(e -> vm.load());
        HBox top = new HBox(10, new Label(i18n.tr("admin.history.source")), source, choose, file, read);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(file, Priority.ALWAYS);

        // field <- column, samples, time format
        TableView<HistoryImportViewModel.FieldRow> fields = new TableView<>(vm.fields());
        fields.setId("history-fields");
        fields.setEditable(true);
        fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fields.setFixedCellSize(28);
        fields.setPrefHeight(28 * vm.fields().size() + 48);
        fields.setMinHeight(Region.USE_PREF_SIZE);
        TableColumn<HistoryImportViewModel.FieldRow, String> fieldCol = new TableColumn<>(i18n.tr("admin.history.col.field"));
        fieldCol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
        fieldCol.setEditable(false);
        ObservableList<String> columnChoices = FXCollections.observableArrayList();
        Runnable fillChoices = () -> {
            List<String> all = new ArrayList<>();
            all.add(null);
            all.addAll(vm.columns());
            columnChoices.setAll(all);
        };
        vm.columns().addListener((javafx.collections.ListChangeListener<String>) ch -> fillChoices.run());
        fillChoices.run();
        String none = i18n.tr("admin.history.column.none");
        TableColumn<HistoryImportViewModel.FieldRow, String> columnCol = new TableColumn<>(i18n.tr("admin.history.col.column"));
        columnCol.setCellValueFactory(c -> c.getValue().columnProperty());
        columnCol.setCellFactory(ComboBoxTableCell.forTableColumn(converter(v -> v == null ? none : v), columnChoices));
        TableColumn<HistoryImportViewModel.FieldRow, TimeFormat> formatCol = new TableColumn<>(i18n.tr("admin.history.col.format"));
        formatCol.setCellValueFactory(c -> c.getValue().formatProperty());
        ObservableList<TimeFormat> formats = FXCollections.observableArrayList(TimeFormat.values());
        formatCol.setCellFactory(col -> new ComboBoxTableCell<>(converter(v -> v == null ? "" : i18n.label(v)), formats) {
            @Override
            public void updateItem(TimeFormat item, boolean empty) {
                super.updateItem(item, empty);
                HistoryImportViewModel.FieldRow row = getTableRow() == null ? null : getTableRow().getItem();
                setEditable(row != null && row.field().time());
                if (row != null && !row.field().time()) {
                    setText("");
                }
            }
        });
        TableColumn<HistoryImportViewModel.FieldRow, String> samplesCol = new TableColumn<>(i18n.tr("admin.history.col.samples"));
        samplesCol.setCellValueFactory(c -> c.getValue().samplesProperty());
        samplesCol.setEditable(false);
        fields.getColumns().setAll(List.of(fieldCol, columnCol, formatCol, samplesCol));

        TextField zone = new TextField();
        zone.setId("history-zone");
        zone.textProperty().bindBidirectional(vm.zoneProperty());
        ChoiceBox<Datum> datum = new ChoiceBox<>(FXCollections.observableArrayList(Datum.values()));
        datum.setId("history-datum");
        datum.valueProperty().bindBidirectional(vm.datumProperty());
        HBox zoneRow = new HBox(10, new Label(i18n.tr("admin.history.zone")), zone,
                new Label(i18n.tr("admin.history.datum")), datum);
        zoneRow.setAlignment(Pos.CENTER_LEFT);

        // priority table
        TableView<HistoryImportViewModel.ValueRow<Integer>> prio = new TableView<>(vm.priorities());
        prio.setId("history-priorities");
        prio.setEditable(true);
        prio.setPrefHeight(150);
        prio.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<HistoryImportViewModel.ValueRow<Integer>, String> pv = new TableColumn<>(i18n.tr("admin.history.col.foreignPriority"));
        pv.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value()));
        TableColumn<HistoryImportViewModel.ValueRow<Integer>, Number> pn = new TableColumn<>(i18n.tr("admin.history.col.rows"));
        pn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rows()));
        TableColumn<HistoryImportViewModel.ValueRow<Integer>, Integer> pl = new TableColumn<>(i18n.tr("admin.history.col.level"));
        pl.setCellValueFactory(c -> c.getValue().targetProperty());
        String unmapped = i18n.tr("admin.history.value.none");
        pl.setCellFactory(ComboBoxTableCell.forTableColumn(converter(v -> v == null ? unmapped : i18n.priority(v)),
                FXCollections.observableArrayList(null, 1, 2, 3)));
        prio.getColumns().setAll(List.of(pv, pn, pl));

        // type table and the "other" type
        TableView<HistoryImportViewModel.ValueRow<IncidentType>> types = new TableView<>(vm.types());
        types.setId("history-types");
        types.setEditable(true);
        types.setPrefHeight(200);
        types.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<HistoryImportViewModel.ValueRow<IncidentType>, String> tv = new TableColumn<>(i18n.tr("admin.history.col.foreignType"));
        tv.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value()));
        TableColumn<HistoryImportViewModel.ValueRow<IncidentType>, Number> tn = new TableColumn<>(i18n.tr("admin.history.col.rows"));
        tn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rows()));
        List<IncidentType> typeChoices = new ArrayList<>();
        typeChoices.add(null);
        typeChoices.addAll(List.of(IncidentType.values()));
        TableColumn<HistoryImportViewModel.ValueRow<IncidentType>, IncidentType> tt = new TableColumn<>(i18n.tr("admin.history.col.type"));
        tt.setCellValueFactory(c -> c.getValue().targetProperty());
        tt.setCellFactory(ComboBoxTableCell.forTableColumn(converter(v -> v == null ? unmapped : i18n.label(v)),
                FXCollections.observableArrayList(typeChoices)));
        types.getColumns().setAll(List.of(tv, tn, tt));
        ComboBox<IncidentType> other = new ComboBox<>(FXCollections.observableArrayList(typeChoices));
        other.setId("history-other");
        other.setConverter(converter(v -> v == null ? i18n.tr("admin.history.other.none") : i18n.label(v)));
        other.valueProperty().bindBidirectional(vm.otherTypeProperty());
        HBox otherRow = new HBox(10, new Label(i18n.tr("admin.history.other")), other);
        otherRow.setAlignment(Pos.CENTER_LEFT);


        Button check = new Button(i18n.tr("admin.history.check"));
        check.setId("history-check");
        check.disableProperty().bind(vm.canCheck().not());
        check.setOnAction(e -> vm.check());
        Button doImport = new Button(i18n.tr("admin.history.import"));
        doImport.setId("history-import");
        doImport.disableProperty().bind(vm.canImport().not());
        doImport.setOnAction(e -> vm.importChecked());
        ProgressBar bar = new ProgressBar();
        bar.setId("history-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.busyProperty()); // the message says when it is done
        HBox actions = new HBox(10, check, doImport, bar);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("history-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        vm.toneProperty().addListener((o, was, is) -> tone(message, is));
        tone(message, vm.toneProperty().get());

        TableView<HistoryImportViewModel.ProblemRow> problems = new TableView<>(vm.problems());
        problems.setId("history-problems");
        problems.setPrefHeight(160);
        problems.setPlaceholder(new Label(i18n.tr("admin.history.problems.none")));
        problems.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<HistoryImportViewModel.ProblemRow, String> rowCol = column(i18n.tr("admin.history.col.row"),
                HistoryImportViewModel.ProblemRow::row);
        rowCol.setPrefWidth(60);
        TableColumn<HistoryImportViewModel.ProblemRow, String> whereCol = column(i18n.tr("admin.history.col.column"),
                HistoryImportViewModel.ProblemRow::column);
        whereCol.setPrefWidth(110);
        TableColumn<HistoryImportViewModel.ProblemRow, String> valueCol = column(i18n.tr("admin.history.col.value"),
                HistoryImportViewModel.ProblemRow::value);
        valueCol.setPrefWidth(130);
        TableColumn<HistoryImportViewModel.ProblemRow, String> whyCol = column(i18n.tr("admin.history.col.why"),
                HistoryImportViewModel.ProblemRow::why);
        whyCol.setPrefWidth(260);
        problems.getColumns().setAll(List.of(rowCol, whereCol, valueCol, whyCol));

        // the mapping on the left, its tables and the check's problems on the right; the actions above both
        VBox left = new VBox(6, fields);
        VBox right = new VBox(8, zoneRow, titled(i18n.tr("admin.history.priorities"), prio),
                titled(i18n.tr("admin.history.types"), types, otherRow), problems);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(600);
        right.setPrefWidth(560);
        HBox mappingArea = new HBox(12, left, right);
        content.getChildren().setAll(heading, about, top, actions, message, mappingArea);
        // the saved sources, read once the page is on a screen
        root.sceneProperty().addListener((o, was, is) -> {
            if (is != null && was == null) {
                vm.refreshSources();
            }
        });
    }

    private static VBox titled(String title, Node... nodes) {
        Label l = new Label(title);
        l.getStyleClass().add("setup-section-title");
        VBox box = new VBox(6, l);
        box.getChildren().addAll(nodes);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static <T> TableColumn<T, String> column(String title, java.util.function.Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private static void tone(Label l, HistoryImportViewModel.Tone t) {
        l.getStyleClass().removeAll("danger", "success");
        if (t == HistoryImportViewModel.Tone.SUCCESS) {
            l.getStyleClass().add("success");
        } else if (t == HistoryImportViewModel.Tone.ERROR) {
            l.getStyleClass().add("danger");
        }
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return show.apply(v);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    public Node root() {
        return root;
    }
}
