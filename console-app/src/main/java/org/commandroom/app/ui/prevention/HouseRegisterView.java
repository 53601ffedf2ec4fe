package org.commandroom.app.ui.prevention;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.SetChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.prevention.House;
import org.commandroom.core.prevention.HouseKind;
import org.commandroom.core.prevention.InspectionBoard;
import org.commandroom.core.prevention.PreventionRules;

/**
 * The register tab: filters over a sortable table of houses, and beside it the edit form (a message under each wrong
 * field) and the selected house's findings history. "在地图上显示" hands the house to the desk's map when the window
 * was given one.
 */
public final class HouseRegisterView {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final HouseRegisterViewModel vm;
    private final UiContext ui;
    private final VBox root = new VBox(8);
    private final TableView<InspectionBoard.RegisterRow> table = new TableView<>();
    private final TableView<InspectionBoard.Finding> findings = new TableView<>();
    private final FlowPane factorBoxes = new FlowPane(8, 4);

    /** @param showOnMap where a selected house is shown on the desk's map; null: no map (the button is not offered) */
    public HouseRegisterView(HouseRegisterViewModel vm, UiContext ui, Consumer<House> showOnMap) {
        this.vm = vm;
        this.ui = ui;
        var i18n = ui.i18n();
        root.setId("houses-view");
        root.setPadding(new Insets(8));

        TextField search = new TextField();
        search.setId("houses-search");
        search.setPromptText(i18n.tr("houses.filter.search"));
        search.textProperty().bindBidirectional(vm.textProperty());
        ComboBox<HouseKind> kind = kindBox(true);
        kind.setId("houses-kind-filter");
        kind.valueProperty().bindBidirectional(vm.kindFilterProperty());
        ComboBox<Integer> stars = new ComboBox<>();
        stars.setId("houses-stars-filter");
        stars.getItems().addAll(null, 1, 2, 3, 4, 5);
        stars.setConverter(converter(s -> s == null ? i18n.tr("houses.filter.anyStars") : i18n.tr("houses.stars", s)));
        stars.setButtonCell(cell(stars.getConverter()));
        stars.valueProperty().bindBidirectional(vm.starsFilterProperty());
        ComboBox<String> grid = new ComboBox<>();
        grid.setId("houses-grid-filter");
        grid.setPromptText(i18n.tr("houses.filter.anyGrid"));
        Bindings.bindContent(grid.getItems(), vm.grids());
        grid.valueProperty().bindBidirectional(vm.gridFilterProperty());
        Button allGrids = new Button(i18n.tr("houses.filter.clear"));
        allGrids.setId("houses-filter-clear");
        allGrids.setOnAction(e -> {
            vm.gridFilterProperty().set(null);
            vm.kindFilterProperty().set(null);
            vm.starsFilterProperty().set(null);
            vm.textProperty().set("");
            vm.overdueOnlyProperty().set(false);
        });
        CheckBox overdue = new CheckBox(i18n.tr("houses.filter.overdueOnly"));
        overdue.setId("houses-overdue-only");
        overdue.selectedProperty().bindBidirectional(vm.overdueOnlyProperty());
        Button reload = new Button(i18n.tr("houses.reload"));
        reload.setId("houses-reload");
        reload.setOnAction(e -> vm.reload());
        HBox filters = new HBox(8, search, kind, stars, grid, overdue, allGrids, reload);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);

        buildTable();
        SortedList<InspectionBoard.RegisterRow> sorted = new SortedList<>(vm.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null && !is.equals(vm.selectedProperty().get())) {
                vm.selectedProperty().set(is);
            }
        });
        vm.selectedProperty().addListener((o, was, is) -> {
            if (is == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != is) {
                table.getSelectionModel().select(is);
            }
        });

        Button onMap = new Button(i18n.tr("houses.showOnMap"));
        onMap.setId("houses-show-on-map");
        onMap.disableProperty().bind(vm.selectedProperty().map(r -> r.house().position() == null).orElse(true));
        onMap.setOnAction(e -> {
            InspectionBoard.RegisterRow r = vm.selectedProperty().get();
            if (r != null && showOnMap != null) {
                showOnMap.accept(r.house());
            }
        });
        onMap.setVisible(showOnMap != null);
        onMap.setManaged(showOnMap != null);

        SplitPane split = new SplitPane(table, side(onMap));
        split.setDividerPositions(0.64);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label status = new Label();
        status.setId("houses-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        root.getChildren().addAll(filters, split, status);
    }

    private ComboBox<HouseKind> kindBox(boolean withAny) {
        ComboBox<HouseKind> box = new ComboBox<>();
        if (withAny) {
            box.getItems().add(null);
        }
        box.getItems().addAll(HouseKind.values());
        box.setConverter(converter(k -> k == null ? ui.i18n().tr("houses.filter.anyKind")
                : HouseRegisterViewModel.kindLabel(ui.i18n(), k)));
        box.setButtonCell(cell(box.getConverter()));
        return box;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static <T> ListCell<T> cell(StringConverter<T> c) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : c.toString(item));
            }
        };
    }

    private void buildTable() {
        var i18n = ui.i18n();
        table.setId("houses-table");
        table.setPlaceholder(new Label(i18n.tr("houses.empty")));
        TableColumn<InspectionBoard.RegisterRow, String> address = col(i18n.tr("houses.col.address"), 200, r -> r.house().label());
        table.getColumns().add(address);
        table.getColumns().add(col(i18n.tr("houses.col.kind"), 90, r -> HouseRegisterViewModel.kindLabel(i18n, r.house().kind())));
        table.getColumns().add(col(i18n.tr("houses.col.landlord"), 80, r -> nz(r.house().landlord())));
        TableColumn<InspectionBoard.RegisterRow, Integer> occupants = new TableColumn<>(i18n.tr("houses.col.occupants"));
        occupants.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().house().occupants()));
        occupants.setPrefWidth(60);
        table.getColumns().add(occupants);
        TableColumn<InspectionBoard.RegisterRow, Integer> stars = new TableColumn<>(i18n.tr("houses.col.stars"));
        stars.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().house().stars()));
        stars.setPrefWidth(50);
        table.getColumns().add(stars);
        table.getColumns().add(col(i18n.tr("houses.col.grid"), 100, r -> nz(r.gridName())));
        table.getColumns().add(col(i18n.tr("houses.col.officer"), 70, r -> nz(r.officerName())));
        table.getColumns().add(dateCol(i18n.tr("houses.col.lastInspected"), InspectionBoard.RegisterRow::lastInspected));
        table.getColumns().add(dateCol(i18n.tr("houses.col.nextDue"), InspectionBoard.RegisterRow::nextDue));
        table.getColumns().add(col(i18n.tr("houses.col.overdue"), 60, r -> r.overdue() ? i18n.tr("houses.overdue") : ""));
        // the headers and values set each column's minimum; where the table is narrow these go first
        var cols = table.getColumns();
        org.commandroom.app.ui.common.ColumnFit.install(table, cols.get(2), cols.get(3), cols.get(7));
        org.commandroom.app.ui.common.Columns.freeText(address);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(InspectionBoard.RegisterRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("overdue"), !empty && item != null && item.overdue());
            }
        });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static <R> TableColumn<R, String> col(String header, double width, Function<R, String> text) {
        TableColumn<R, String> c = new TableColumn<>(header);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(text.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <R> TableColumn<R, LocalDate> dateCol(String header, Function<R, LocalDate> date) {
        TableColumn<R, LocalDate> c = new TableColumn<>(header);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(date.apply(cd.getValue())));
        c.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        c.setCellFactory(x -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(LocalDate item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : DAY.format(item));
            }
        });
        c.setPrefWidth(90);
        org.commandroom.app.ui.common.Columns.values(c, List.of("2027-12-31"));
        return c;
    }

    @SuppressWarnings("unchecked")
    private Node side(Button onMap) {
        var i18n = ui.i18n();
        GridPane form = new GridPane();
        form.setId("house-form");
        form.setHgap(8);
        form.setVgap(2);
        int row = 0;
        row = field(form, row, i18n.tr("houses.field.address"), text("house-address", vm.addressProperty()),
                HouseRegisterViewModel.Field.ADDRESS);
        row = field(form, row, i18n.tr("houses.field.houseNo"), text("house-no", vm.houseNoProperty()),
                HouseRegisterViewModel.Field.HOUSE_NO);
        ComboBox<HouseKind> kind = kindBox(false);
        kind.setId("house-kind");
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        row = field(form, row, i18n.tr("houses.field.kind"), kind, HouseRegisterViewModel.Field.KIND);
        row = field(form, row, i18n.tr("houses.field.name"), text("house-name", vm.nameProperty()),
                HouseRegisterViewModel.Field.NAME);
        row = field(form, row, i18n.tr("houses.field.landlord"), text("house-landlord", vm.landlordProperty()),
                HouseRegisterViewModel.Field.LANDLORD);
        row = field(form, row, i18n.tr("houses.field.phone"), text("house-phone", vm.phoneProperty()),
                HouseRegisterViewModel.Field.PHONE);
        row = field(form, row, i18n.tr("houses.field.occupants"), text("house-occupants", vm.occupantsProperty()),
                HouseRegisterViewModel.Field.OCCUPANTS);
        form.add(new Label(i18n.tr("houses.field.risks")), 0, row);
        form.add(factorBoxes, 1, row);
        vm.factors().addListener((javafx.collections.ListChangeListener<PreventionRules.Factor>) c -> factorChecks());
        vm.riskFactors().addListener((SetChangeListener<String>) c -> syncChecks());
        ((TextField) form.lookup("#house-address")).editableProperty().bind(vm.existingProperty().not());
        ((TextField) form.lookup("#house-no")).editableProperty().bind(vm.existingProperty().not());

        Button newHouse = new Button(i18n.tr("houses.new"));
        newHouse.setId("houses-new");
        newHouse.setOnAction(e -> vm.newHouse());
        Button save = new Button(i18n.tr("houses.save"));
        save.setId("houses-save");
        save.setDefaultButton(false);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());
        HBox buttons = new HBox(8, newHouse, save, onMap);
        Label readOnly = new Label(i18n.tr("houses.readOnlyNote"));
        readOnly.setWrapText(true);
        readOnly.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        readOnly.getStyleClass().add("panel-hint");
        if (!vm.mayEdit()) {
            newHouse.setDisable(true);
            save.disableProperty().unbind();
            save.setDisable(true);
            form.setDisable(true);
        }
        readOnly.setVisible(!vm.mayEdit());
        readOnly.setManaged(!vm.mayEdit());

        findings.setId("house-findings");
        findings.setPlaceholder(new Label(i18n.tr("houses.findings.empty")));
        ZoneId zone = ui.clock().getZone();
        findings.getColumns().add(col(i18n.tr("houses.findings.due"), 85, f -> DAY.format(f.due())));
        org.commandroom.app.ui.common.Columns.values(findings.getColumns().get(0), List.of("2027-12-31"));
        findings.getColumns().add(col(i18n.tr("houses.findings.order"), 110, f -> f.orderId() == null
                ? i18n.tr("houses.findings.missed") : nz(f.orderNo())));
        findings.getColumns().add(col(i18n.tr("houses.findings.fedBack"), 120, f -> f.fedBackAt() == null
                ? i18n.tr(f.orderId() == null ? "houses.findings.missed" : "houses.findings.waiting")
                : MINUTE.format(f.fedBackAt().atZone(zone)) + (f.late(ui.clock().instant()) ? " " + i18n.tr("houses.findings.late") : "")));
        findings.getColumns().add(col(i18n.tr("houses.findings.hazards"), 50, f -> f.hazards() == null ? "" : f.hazards().toString()));
        findings.getColumns().add(col(i18n.tr("houses.findings.text"), 160, f -> nz(f.findings())));
        findings.getColumns().add(col(i18n.tr("houses.findings.by"), 70, f -> nz(f.fedBackBy())));
        org.commandroom.app.ui.common.Columns.values(findings.getColumns().get(2), List.of("2027-12-31 23:59"));
        findings.setItems(vm.findings());
        var fcols = findings.getColumns();
        org.commandroom.app.ui.common.ColumnFit.install(findings, fcols.get(1));
        org.commandroom.app.ui.common.Columns.freeText((TableColumn<InspectionBoard.Finding, String>) fcols.get(4));
        Label findingsTitle = new Label(i18n.tr("houses.findings.title"));
        findingsTitle.getStyleClass().add("section-title");
        VBox side = new VBox(6, form, readOnly, buttons, findingsTitle, findings);
        side.setPadding(new Insets(0, 0, 0, 8));
        VBox.setVgrow(findings, Priority.ALWAYS);
        return side;
    }

    private TextField text(String id, javafx.beans.property.StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private int field(GridPane form, int row, String label, javafx.scene.control.Control input,
                      HouseRegisterViewModel.Field which) {
        Label l = new Label(label);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setLabelFor(input);
        form.add(l, 0, row);
        form.add(input, 1, row);
        GridPane.setHgrow(input, Priority.ALWAYS);
        Label error = new Label();
        error.setId(input.getId() + "-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.valueAt(vm.errors(), which).orElse(""));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        vm.errors().addListener((MapChangeListener<HouseRegisterViewModel.Field, String>) c -> {
            if (c.getKey() == which) {
                input.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), c.wasAdded());
            }
        });
        form.add(error, 1, row + 1);
        return row + 2;
    }

    private void factorChecks() {
        factorBoxes.getChildren().clear();
        for (PreventionRules.Factor f : vm.factors()) {
            CheckBox box = new CheckBox(vm.factorName(f));
            box.setId("house-risk-" + f.code());
            box.setUserData(f.code());
            box.setSelected(vm.riskFactors().contains(f.code()));
            box.setDisable(f.occupantsAtLeast() != null); // applies by the occupant count alone
            box.selectedProperty().addListener((o, was, is) -> {
                if (is) {
                    vm.riskFactors().add(f.code());
                } else {
                    vm.riskFactors().remove(f.code());
                }
            });
            factorBoxes.getChildren().add(box);
        }
    }

    private void syncChecks() {
        for (Node n : factorBoxes.getChildren()) {
            ((CheckBox) n).setSelected(vm.riskFactors().contains((String) n.getUserData()));
        }
    }

    public Node root() {
        return root;
    }

    public TableView<InspectionBoard.RegisterRow> table() {
        return table;
    }

    public TableView<InspectionBoard.Finding> findings() {
        return findings;
    }
}
