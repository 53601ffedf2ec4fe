package org.commandroom.app.ui.admin.org;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.org.OrgEditService;
import org.commandroom.core.org.OrgEditService.CameraRow;
import org.commandroom.core.org.OrgEditService.GridRow;
import org.commandroom.core.org.OrgEditService.OfficerRow;
import org.commandroom.core.org.OrgEditService.StationChoice;
import org.commandroom.core.org.OrgEditService.UnitRow;

/**
 * The organisation tab of the administration workspace: 民警辅警, 巡逻单元, 警格 and 摄像头, each a search box, a table
 * and a form for the selected row, with one message line under them all. Enter in a search box searches; the form's
 * save button is the default button of its page.
 */
public final class OrgEditView {

    /** The stored codes the forms offer, with their labels' keys, in the order offered. */
    private static final java.util.Map<String, String> RANKS = ordered("POLICE", "admin.org.rank.POLICE",
            "AUXILIARY", "admin.org.rank.AUXILIARY");
    private static final java.util.Map<String, String> DUTIES = ordered("COMMUNITY_OFFICER", "admin.org.duty.COMMUNITY_OFFICER",
            "PATROL", "admin.org.duty.PATROL", "CASE", "admin.org.duty.CASE", "COMMANDER", "admin.org.duty.COMMANDER",
            "LEADER", "admin.org.duty.LEADER");
    private static final java.util.Map<String, String> UNIT_KINDS = ordered("CAR", "enum.unitKind.CAR",
            "MOTORBIKE", "enum.unitKind.MOTORBIKE", "FOOT", "enum.unitKind.FOOT");

    private static java.util.Map<String, String> ordered(String... codeAndKey) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < codeAndKey.length; i += 2) {
            m.put(codeAndKey[i], codeAndKey[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** A choice in a form is as wide as its longest entry needs, not the whole window (a 1,900 px combo box). */
    private static final double FIELD_MAX_WIDTH = 480;

    private final OrgEditViewModel vm;
    private final I18n i18n;
    private final VBox root;

    public OrgEditView(OrgEditViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        TabPane pages = new TabPane(page("officers", "admin.org.tab.officers", officersPage()), page("units", "admin.org.tab.units", unitsPage()), page("grids", "admin.org.tab.grids", gridsPage()),
                page("cameras", "admin.org.tab.cameras", camerasPage()));
        pages.setId("admin-org-pages");
        pages.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(pages, Priority.ALWAYS);
        Label message = new Label();
        message.setId("admin-org-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.failedProperty().addListener((o, was, is) -> message.getStyleClass().setAll(is ? List.of("label", "danger") : List.of("label")));
        root = new VBox(8, pages, message);
        root.setPadding(new Insets(8));
        root.getStyleClass().add("admin-org");
        vm.load();
    }

    public Node root() {
        return root;
    }

    private Tab page(String id, String titleKey, Node content) {
        Tab t = new Tab(i18n.tr(titleKey), content);
        t.setId("admin-org-tab-" + id);
        return t;
    }

    // ---- officers -----------------------------------------------------------------------------------------------

    private Node officersPage() {
        TableView<OfficerRow> table = table("admin-org-officers", vm.officers(),
                column("admin.org.col.badge", OfficerRow::badgeNo, 110), column("admin.org.col.name", OfficerRow::name, 100),
                column("admin.org.col.rank", o -> i18n.tr(RANKS.get(o.rankKind())), 70),
                column("admin.org.col.duty", o -> i18n.tr(DUTIES.get(o.duty())), 100),
                column("admin.org.col.phone", o -> o.phone() == null ? "" : o.phone(), 120),
                column("admin.org.col.station", OfficerRow::stationName, 140),
                column("admin.org.col.team", o -> o.teamName() == null ? "" : o.teamName(), 180),
                column("admin.org.col.inService", o -> i18n.tr(o.retired() ? "admin.org.retire.retired" : "admin.org.retire.active"), 80));
        keepSelection(table, OfficerRow::badgeNo);
        TextField name = field("admin-org-officer-name");
        ComboBox<String> rank = codes("admin-org-officer-rank", RANKS);
        ComboBox<String> duty = codes("admin-org-officer-duty", DUTIES);
        TextField phone = field("admin-org-officer-phone");
        ComboBox<StationChoice> station = stationBox("admin-org-officer-station");
        ComboBox<String> team = new ComboBox<>();
        team.setId("admin-org-officer-team");
        team.setMaxWidth(FIELD_MAX_WIDTH);
        station.valueProperty().addListener((o, was, is) -> {
            String keep = team.getValue();
            team.getItems().setAll("");
            if (is != null) {
                vm.teamsOf(is.code()).forEach(t -> team.getItems().add(t.name()));
            }
            team.setValue(team.getItems().contains(keep) ? keep : "");
        });
        team.setConverter(blankAsNone());
        Button save = saveButton("admin-org-officer-save");
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                name.setText(is.name());
                rank.setValue(is.rankKind());
                duty.setValue(is.duty());
                phone.setText(is.phone() == null ? "" : is.phone());
                station.setValue(vm.stations().stream().filter(s -> s.code().equals(is.stationCode())).findFirst().orElse(null));
                team.setValue(is.teamName() == null ? "" : is.teamName());
            }
        });
        save.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        save.setOnAction(e -> {
            OfficerRow selected = table.getSelectionModel().getSelectedItem();
            vm.saveOfficer(new OrgEditService.OfficerEdit(selected.badgeNo(), name.getText(), rank.getValue(), duty.getValue(),
                    phone.getText(), station.getValue() == null ? "" : station.getValue().code(), team.getValue()));
        });
        GridPane form = form(new Object[][] {{"admin.org.field.name", name}, {"admin.org.field.rank", rank}, {"admin.org.field.duty", duty}, {"admin.org.field.phone", phone},
                {"admin.org.field.station", station}, {"admin.org.field.team", team}});
        var chosen = table.getSelectionModel().selectedItemProperty();
        Button retire = retireButton("admin-org-officer-retire", "admin.org.retire.officer",
                () -> chosen.get() == null || chosen.get().retired(), chosen);
        retire.setOnAction(e -> {
            OfficerRow o = chosen.get();
            confirmRetire(i18n.tr("admin.org.retire.officerTitle"), i18n.tr("admin.org.retire.officerQuestion", o.name(), o.badgeNo()),
                    () -> vm.setOfficerRetired(o.badgeNo(), true));
        });
        Button reactivate = retireButton("admin-org-officer-reactivate", "admin.org.retire.reactivate",
                () -> chosen.get() == null || !chosen.get().retired(), chosen);
        reactivate.setOnAction(e -> vm.setOfficerRetired(chosen.get().badgeNo(), false));
        return pageLayout(search("admin-org-officer-search", vm.officerQueryProperty(), vm::searchOfficers, "admin.org.search.officers"),
                table, form, save, retire, reactivate);
    }

    // ---- units ---------------------------------------------------------------------------------------------------

    private Node unitsPage() {
        TableView<UnitRow> table = table("admin-org-units", vm.units(),
                column("admin.org.col.callSign", UnitRow::callSign, 110), column("admin.org.col.kind", u -> i18n.tr("enum.unitKind." + u.kind()), 80),
                column("admin.org.col.status", u -> i18n.tr("enum.unitStatus." + u.status()), 90),
                column("admin.org.col.station", UnitRow::stationName, 140), column("admin.org.col.crew", u -> String.join("、", u.crew()), 200),
                column("admin.org.col.terminal", u -> u.terminalId() == null ? "" : u.terminalId(), 140),
                column("admin.org.col.inService", u -> i18n.tr(u.retired() ? "admin.org.retire.retired" : "admin.org.retire.active"), 80));
        keepSelection(table, UnitRow::callSign);
        ComboBox<String> kind = codes("admin-org-unit-kind", UNIT_KINDS);
        ComboBox<StationChoice> station = stationBox("admin-org-unit-station");
        TextField crew = field("admin-org-unit-crew");
        crew.setPromptText(i18n.tr("admin.org.crew.prompt"));
        TextField terminal = field("admin-org-unit-terminal");
        Button save = saveButton("admin-org-unit-save");
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                kind.setValue(is.kind());
                station.setValue(vm.stations().stream().filter(s -> s.code().equals(is.stationCode())).findFirst().orElse(null));
                crew.setText(String.join("、", is.crew()));
                terminal.setText(is.terminalId() == null ? "" : is.terminalId());
            }
        });
        save.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        save.setOnAction(e -> vm.saveUnit(new OrgEditService.UnitEdit(table.getSelectionModel().getSelectedItem().callSign(),
                kind.getValue(), station.getValue() == null ? "" : station.getValue().code(),
                OrgEditViewModel.crew(crew.getText()), terminal.getText())));
        GridPane form = form(new Object[][] {{"admin.org.field.kind", kind}, {"admin.org.field.station", station}, {"admin.org.field.crew", crew}, {"admin.org.field.terminal", terminal}});
        var chosen = table.getSelectionModel().selectedItemProperty();
        Button retire = retireButton("admin-org-unit-retire", "admin.org.retire.unit",
                () -> chosen.get() == null || chosen.get().retired(), chosen);
        retire.setOnAction(e -> {
            UnitRow u = chosen.get();
            confirmRetire(i18n.tr("admin.org.retire.unitTitle"), i18n.tr("admin.org.retire.unitQuestion", u.callSign()),
                    () -> vm.setUnitRetired(u.callSign(), true));
        });
        Button reactivate = retireButton("admin-org-unit-reactivate", "admin.org.retire.reactivate",
                () -> chosen.get() == null || !chosen.get().retired(), chosen);
        reactivate.setOnAction(e -> vm.setUnitRetired(chosen.get().callSign(), false));
        return pageLayout(search("admin-org-unit-search", vm.unitQueryProperty(), vm::searchUnits, "admin.org.search.units"),
                table, form, save, retire, reactivate);
    }

    // ---- grids ---------------------------------------------------------------------------------------------------

    private Node gridsPage() {
        TableView<GridRow> table = table("admin-org-grids", vm.grids(),
                column("admin.org.col.gridCode", GridRow::code, 110), column("admin.org.col.gridName", GridRow::name, 180),
                column("admin.org.col.station", GridRow::stationName, 140),
                column("admin.org.col.officer", g -> g.officerBadge() == null ? i18n.tr("admin.org.none") : g.officerName() + " " + g.officerBadge(), 180));
        keepSelection(table, GridRow::code);
        ComboBox<OfficerRow> officer = new ComboBox<>(vm.gridCandidates());
        officer.setId("admin-org-grid-officer");
        officer.setMaxWidth(FIELD_MAX_WIDTH);
        officer.setConverter(new StringConverter<>() {
            @Override
            public String toString(OfficerRow o) {
                return o == null ? i18n.tr("admin.org.none") : o.name() + " " + o.badgeNo();
            }

            @Override
            public OfficerRow fromString(String s) {
                return null;
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> vm.loadGridCandidates(is));
        vm.gridCandidates().addListener((javafx.collections.ListChangeListener<OfficerRow>) c -> {
            GridRow g = table.getSelectionModel().getSelectedItem();
            officer.setValue(g == null ? null : vm.gridCandidates().stream()
                    .filter(x -> x.badgeNo().equals(g.officerBadge())).findFirst().orElse(null));
        });
        Button save = saveButton("admin-org-grid-save");
        Button none = new Button(i18n.tr("admin.org.grid.clear"));
        none.setId("admin-org-grid-clear");
        save.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty())
                .or(officer.valueProperty().isNull()));
        none.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        save.setOnAction(e -> vm.setGridOfficer(table.getSelectionModel().getSelectedItem().code(), officer.getValue().badgeNo()));
        none.setOnAction(e -> vm.setGridOfficer(table.getSelectionModel().getSelectedItem().code(), null));
        GridPane form = form(new Object[][] {{"admin.org.field.officer", officer}});
        Label hint = new Label(i18n.tr("admin.org.grid.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        form.add(hint, 0, 1, 2, 1);
        return pageLayout(search("admin-org-grid-search", vm.gridQueryProperty(), vm::searchGrids, "admin.org.search.grids"),
                table, form, save, none);
    }

    // ---- cameras -------------------------------------------------------------------------------------------------

    private Node camerasPage() {
        TableView<CameraRow> table = table("admin-org-cameras", vm.cameras(),
                column("admin.org.col.device", CameraRow::deviceId, 190), column("admin.org.col.cameraName", CameraRow::name, 200),
                column("admin.org.col.cameraKind", c -> kindName(c.kind()), 90),
                column("admin.org.col.service", c -> i18n.tr(c.online() ? "admin.org.camera.in" : "admin.org.camera.out"), 80),
                column("admin.org.col.station", c -> c.stationName() == null ? "" : c.stationName(), 140));
        keepSelection(table, CameraRow::deviceId);
        Button out = new Button(i18n.tr("admin.org.camera.takeOut"));
        out.setId("admin-org-camera-out");
        Button back = new Button(i18n.tr("admin.org.camera.putBack"));
        back.setId("admin-org-camera-in");
        var selected = table.getSelectionModel().selectedItemProperty();
        out.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() == null || !selected.get().online(), selected).or(vm.busyProperty()));
        back.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().online(), selected).or(vm.busyProperty()));
        out.setOnAction(e -> {
            CameraRow c = selected.get();
            TextInputDialog ask = new TextInputDialog();
            ask.initOwner(root.getScene().getWindow());
            ask.setTitle(i18n.tr("admin.org.camera.takeOut"));
            ask.setHeaderText(i18n.tr("admin.org.camera.reason", c.name()));
            ask.getEditor().setId("admin-org-camera-reason");
            Optional<String> reason = ask.showAndWait();
            reason.ifPresent(r -> vm.setCameraInService(c.deviceId(), false, r));
        });
        back.setOnAction(e -> vm.setCameraInService(selected.get().deviceId(), true, null));
        HBox buttons = new HBox(8, out, back);
        return pageLayout(search("admin-org-camera-search", vm.cameraQueryProperty(), vm::searchCameras, "admin.org.search.cameras"),
                table, buttons);
    }

    private String kindName(String kind) {
        try {
            return CameraKind.valueOf(kind).chineseName();
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }

    // ---- retiring ------------------------------------------------------------------------------------------------

    /** A retire or reactivate button, disabled while {@code off} holds or a save is under way. */
    private Button retireButton(String id, String key, java.util.concurrent.Callable<Boolean> off,
                                javafx.beans.Observable dependsOn) {
        Button b = new Button(i18n.tr(key));
        b.setId(id);
        b.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(off, dependsOn).or(vm.busyProperty()));
        return b;
    }

    /**
     * The question before an officer or unit is retired. The safe answer (cancel) is the default button, so Enter
     * and Esc both leave things as they are; only the danger-styled button retires.
     */
    private void confirmRetire(String title, String question, Runnable onYes) {
        ButtonType yes = new ButtonType(i18n.tr("admin.org.retire.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.tr("admin.org.retire.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, yes, no);
        alert.setTitle(title);
        alert.setHeaderText(title);
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        alert.getDialogPane().setId("admin-org-retire-confirm");
        Button yesButton = (Button) alert.getDialogPane().lookupButton(yes);
        yesButton.setId("admin-org-retire-yes");
        yesButton.setDefaultButton(false);
        yesButton.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        Button noButton = (Button) alert.getDialogPane().lookupButton(no);
        noButton.setId("admin-org-retire-no");
        noButton.setDefaultButton(true);
        if (alert.getDialogPane().getScene() != null) {
            org.commandroom.app.ui.common.Theme.style(alert.getDialogPane().getScene());
        }
        alert.setOnHidden(e -> {
            if (alert.getResult() == yes) {
                onYes.run();
            }
        });
        alert.show();
    }

    // ---- shared pieces -------------------------------------------------------------------------------------------

    private Node search(String id, StringProperty query, Runnable run, String prompt) {
        TextField box = new TextField();
        box.setId(id);
        box.setPromptText(i18n.tr(prompt));
        box.textProperty().bindBidirectional(query);
        box.setOnAction(e -> run.run());
        HBox.setHgrow(box, Priority.ALWAYS);
        Button go = new Button(i18n.tr("admin.org.search"));
        go.setOnAction(e -> run.run());
        Label cap = new Label(i18n.tr("admin.org.search.cap", OrgEditService.MAX_ROWS));
        cap.getStyleClass().add("hint");
        HBox bar = new HBox(8, box, go, cap);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node pageLayout(Node search, TableView<?> table, Node form, Node... buttons) {
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox actions = new HBox(8, buttons);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox page = new VBox(8, search, table, form, actions);
        page.setPadding(new Insets(8));
        return page;
    }

    private Node pageLayout(Node search, TableView<?> table, Node buttons) {
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox page = new VBox(8, search, table, buttons);
        page.setPadding(new Insets(8));
        return page;
    }

    /**
     * A list read again after a save keeps the row that was selected (by its key), so the form and the buttons stay
     * on what the user was working on.
     */
    private static <T> void keepSelection(TableView<T> t, Function<T, String> key) {
        String[] last = new String[1];
        t.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                last[0] = key.apply(is);
            }
        });
        t.getItems().addListener((javafx.collections.ListChangeListener<T>) c -> {
            if (t.getSelectionModel().getSelectedItem() == null && last[0] != null) {
                t.getItems().stream().filter(row -> last[0].equals(key.apply(row))).findFirst()
                        .ifPresent(row -> t.getSelectionModel().select(row));
            }
        });
    }

    @SafeVarargs
    private <T> TableView<T> table(String id, ObservableList<T> rows, TableColumn<T, String>... columns) {
        TableView<T> t = new TableView<>(rows);
        t.setId(id);
        t.getColumns().setAll(columns);
        t.setPlaceholder(new Label(i18n.tr("admin.org.empty")));
        return t;
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(i18n.tr(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private GridPane form(Object[][] rows) {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        for (int i = 0; i < rows.length; i++) {
            Label l = new Label(i18n.tr((String) rows[i][0]));
            Node n = (Node) rows[i][1];
            l.setLabelFor(n);
            g.add(l, (i % 3) * 2, i / 3);
            g.add(n, (i % 3) * 2 + 1, i / 3);
            GridPane.setHgrow(n, Priority.ALWAYS);
        }
        return g;
    }

    private TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        return f;
    }

    private Button saveButton(String id) {
        Button b = new Button(i18n.tr("admin.org.save"));
        b.setId(id);
        b.setDefaultButton(true);
        return b;
    }

    private ComboBox<String> codes(String id, java.util.Map<String, String> codes) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(codes.keySet());
        box.setId(id);
        box.setMaxWidth(FIELD_MAX_WIDTH);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null || !codes.containsKey(code) ? (code == null ? "" : code) : i18n.tr(codes.get(code));
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        return box;
    }

    private ComboBox<StationChoice> stationBox(String id) {
        ComboBox<StationChoice> box = new ComboBox<>(vm.stations());
        box.setId(id);
        box.setMaxWidth(FIELD_MAX_WIDTH);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(StationChoice s) {
                return s == null ? "" : s.name() + " (" + s.code() + ")";
            }

            @Override
            public StationChoice fromString(String s) {
                return null;
            }
        });
        return box;
    }

    private StringConverter<String> blankAsNone() {
        return new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? i18n.tr("admin.org.none") : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }
}
