package org.commandroom.app.ui.admin.setup;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.commandroom.app.ui.admin.setup.SetupViewModel.State;
import org.commandroom.app.ui.admin.setup.SetupViewModel.Step;
import org.commandroom.app.ui.admin.setup.SetupViewModel.StepStatus;
import org.commandroom.app.ui.common.Columns;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.map.GeoImportDialog;
import org.commandroom.core.geo.io.ImportLayer;

/**
 * The set-up tab of the administration workspace (issue 11): on the left the checklist of the bureau's set-up, step
 * by step in order (组织机构, 巡逻单元, 辖区地理, 摄像头, 地址库, 用户) with each step's state and what the database
 * holds of it; on the right the selected step's page: a checked workbook import for the organisation, the units and the
 * house register, the console's geo import window for geography and cameras, and for users the way to the users' page.
 * The checklist is counted when the view is shown, after every accepted import, and on 刷新.
 *
 * <p>Native choosers cannot be driven headless: tests replace them with {@link #setChoosers} and
 * {@link #setGeoFiles}.
 */
public final class SetupView {

    /** The folder and file choosers and the confirmation the pages ask; native ones in the console. */
    public interface Choosers {
        Optional<Path> folder(Window owner, String title);

        Optional<Path> workbook(Window owner, String title);

        boolean confirm(Window owner, String title, String question);
    }

    private static final PseudoClass DONE = PseudoClass.getPseudoClass("setup-done");
    private static final PseudoClass PARTLY = PseudoClass.getPseudoClass("setup-partly");
    private static final PseudoClass MISSING = PseudoClass.getPseudoClass("setup-missing");

    private final SetupViewModel vm;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final BorderPane page = new BorderPane();
    private final TableView<StepStatus> table = new TableView<>();
    /** The checklist as the table shows it, kept in step with the view model's line by line. */
    private final javafx.collections.ObservableList<StepStatus> rows = javafx.collections.FXCollections.observableArrayList();
    /** True while the lines are brought up to date: selection changes then are not the user's. */
    private boolean syncing;
    private final Map<Step, Node> pages = new EnumMap<>(Step.class);
    private final Map<Step, WorkbookImportPage> workbookPages = new EnumMap<>(Step.class);
    private Choosers choosers;
    private GeoImportDialog.FileSource geoFiles;
    private GeoImportDialog geoDialog;
    private Runnable onOpenUsers;
    private Step shown;
    /** Whether a step was picked (by the user, or once when the first count arrived: the first step not done). */
    private boolean picked;

    public SetupView(SetupViewModel vm, UiContext ui) {
        this.vm = vm;
        this.i18n = ui.i18n();
        this.choosers = nativeChoosers(i18n);
        this.geoFiles = GeoImportDialog.nativeChooser(i18n);
        root.setId("setup-root");
        root.getStyleClass().add("setup-view");
        root.setTop(header());
        buildTable();
        page.setId("setup-page");
        SplitPane split = new SplitPane(table, page);
        split.setDividerPositions(0.42);
        SplitPane.setResizableWithParent(table, false);
        root.setCenter(split);
        show(Step.ORGANISATION);
        Lifecycle.whileShowing(root, vm::refresh, () -> { });
    }

    private Node header() {
        Label title = new Label(i18n.tr("admin.setup.title"));
        title.getStyleClass().add("setup-title");
        Label summary = new Label();
        summary.setId("setup-summary");
        summary.getStyleClass().add("setup-summary");
        summary.textProperty().bind(Bindings.createStringBinding(() -> vm.countsProperty().get() == null
                        ? i18n.tr("admin.setup.detail.counting")
                        : i18n.tr("admin.setup.summary", vm.doneProperty().get(), Step.values().length),
                vm.countsProperty(), vm.doneProperty()));
        Label failure = new Label();
        failure.setId("setup-message");
        failure.getStyleClass().add("danger");
        failure.setWrapText(true);
        failure.textProperty().bind(vm.messageProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button refresh = new Button(i18n.tr("admin.setup.refresh"));
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setId("setup-refresh");
        refresh.disableProperty().bind(vm.refreshingProperty());
        refresh.setOnAction(e -> vm.refresh());
        HBox top = new HBox(12, title, summary, failure, gap, refresh);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 12, 8, 12));
        top.getStyleClass().add("setup-header");
        return top;
    }

    private void buildTable() {
        table.setId("setup-steps");
        table.getStyleClass().add("setup-steps");
        rows.setAll(vm.steps());
        table.setItems(rows);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<StepStatus, String> step = new TableColumn<>(i18n.tr("admin.setup.col.step"));
        step.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(
                i18n.tr("admin.setup.step.numbered", cd.getValue().step().ordinal() + 1, stepName(cd.getValue().step()))));
        Columns.setup(step, 110, "col-step");
        TableColumn<StepStatus, StepStatus> state = new TableColumn<>(i18n.tr("admin.setup.col.state"));
        state.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cd.getValue()));
        Columns.setup(state, 80, "col-state");
        Columns.values(state, java.util.List.of(stateName(State.DONE), stateName(State.PARTLY), stateName(State.MISSING)));
        state.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(StepStatus s, boolean empty) {
                super.updateItem(s, empty);
                State st = empty || s == null ? null : s.state();
                setText(st == null ? null : stateName(st));
                pseudoClassStateChanged(DONE, st == State.DONE);
                pseudoClassStateChanged(PARTLY, st == State.PARTLY);
                pseudoClassStateChanged(MISSING, st == State.MISSING);
            }
        });
        TableColumn<StepStatus, String> detail = new TableColumn<>(i18n.tr("admin.setup.col.detail"));
        detail.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(cd.getValue().detail()));
        Columns.setup(detail, 260, "col-detail");
        Columns.wrapping(detail);
        table.getColumns().add(step);
        table.getColumns().add(state);
        table.getColumns().add(detail);
        table.setMinWidth(360);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (!syncing && is != null && is.step() != shown) {
                picked = true;
                show(is.step());
            }
        });
        // The checklist's lines change when counted again: the step on show stays selected; the first count shows the
        // first step not done, unless the user picked one already.
        vm.steps().addListener((ListChangeListener<StepStatus>) c -> {
            syncing = true;
            try {
                for (int i = 0; i < vm.steps().size(); i++) {
                    if (i >= rows.size()) {
                        rows.add(vm.steps().get(i));
                    } else if (!rows.get(i).equals(vm.steps().get(i))) {
                        rows.set(i, vm.steps().get(i));
                    }
                }
                if (!picked && rows.stream().noneMatch(s -> s.state() == State.UNKNOWN)) {
                    // Once, on the first count: later counts follow imports, whose outcome stays on screen.
                    picked = true;
                    rows.stream().filter(s -> s.state() != State.DONE).findFirst().ifPresent(s -> show(s.step()));
                }
                select(shown);
            } finally {
                syncing = false;
            }
        });
    }

    private void select(Step step) {
        int i = step.ordinal();
        if (table.getSelectionModel().getSelectedIndex() != i && i < table.getItems().size()) {
            boolean was = syncing;
            syncing = true;
            try {
                table.getSelectionModel().select(i);
            } finally {
                syncing = was;
            }
        }
    }

    /** Shows a step's page (and selects its line). */
    public void show(Step step) {
        shown = step;
        page.setCenter(pages.computeIfAbsent(step, this::build));
        select(step);
    }

    private Node build(Step step) {
        return switch (step) {
            case ORGANISATION -> workbook(step, "setup-org", i18n.tr("admin.setup.org.about"));
            case UNITS -> workbook(step, "setup-units", i18n.tr("admin.setup.units.about"));
            case GAZETTEER -> workbook(step, "setup-houses", i18n.tr("admin.setup.gazetteer.about"));
            case GEOGRAPHY -> geoPage(step, "setup-geography", i18n.tr("admin.setup.geography.about"), ImportLayer.DISTRICT);
            case CAMERAS -> geoPage(step, "setup-cameras", i18n.tr("admin.setup.cameras.about"), ImportLayer.CAMERAS);
            case USERS -> usersPage();
        };
    }

    private Node workbook(Step step, String id, String about) {
        // The page asks through whatever choosers are set when a button is pressed (tests set theirs after building).
        Choosers current = new Choosers() {
            @Override
            public Optional<Path> folder(Window owner, String title) {
                return choosers.folder(owner, title);
            }

            @Override
            public Optional<Path> workbook(Window owner, String title) {
                return choosers.workbook(owner, title);
            }

            @Override
            public boolean confirm(Window owner, String title, String question) {
                return choosers.confirm(owner, title, question);
            }
        };
        WorkbookImportPage p = new WorkbookImportPage(vm.workbook(step), i18n, id, stepName(step), about, current);
        workbookPages.put(step, p);
        return p.root();
    }

    private Node geoPage(Step step, String id, String about, ImportLayer layer) {
        Label heading = new Label(stepName(step));
        heading.getStyleClass().add("setup-page-title");
        Label text = new Label(about);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add("setup-page-about");
        Button open = new Button(i18n.tr("admin.setup.geo.open"));
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setId(id + "-open");
        open.setDefaultButton(true);
        open.setOnAction(e -> openGeoImport(layer));
        VBox box = new VBox(10, heading, text, open);
        box.setId(id + "-page");
        box.getStyleClass().add("setup-page");
        box.setPadding(new Insets(12, 16, 12, 16));
        return box;
    }

    private void openGeoImport(ImportLayer layer) {
        if (geoDialog != null && geoDialog.stage().isShowing()) {
            geoDialog.stage().close();
        }
        geoDialog = new GeoImportDialog(vm.geoImport(layer), i18n, geoFiles,
                root.getScene() == null ? null : root.getScene().getWindow());
        geoDialog.show();
    }

    private Node usersPage() {
        Label heading = new Label(stepName(Step.USERS));
        heading.getStyleClass().add("setup-page-title");
        Label text = new Label(i18n.tr("admin.setup.users.about"));
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add("setup-page-about");
        Button open = new Button(i18n.tr("admin.setup.users.open"));
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setId("setup-users-open");
        open.setOnAction(e -> {
            if (onOpenUsers != null) {
                onOpenUsers.run();
            }
        });
        open.setVisible(onOpenUsers != null);
        open.managedProperty().bind(open.visibleProperty());
        VBox box = new VBox(10, heading, text, open);
        box.setId("setup-users-page");
        box.getStyleClass().add("setup-page");
        box.setPadding(new Insets(12, 16, 12, 16));
        return box;
    }

    private String stepName(Step step) {
        return switch (step) {
            case ORGANISATION -> i18n.tr("admin.setup.step.organisation");
            case UNITS -> i18n.tr("admin.setup.step.units");
            case GEOGRAPHY -> i18n.tr("admin.setup.step.geography");
            case CAMERAS -> i18n.tr("admin.setup.step.cameras");
            case GAZETTEER -> i18n.tr("admin.setup.step.gazetteer");
            case USERS -> i18n.tr("admin.setup.step.users");
        };
    }

    private String stateName(State state) {
        return switch (state) {
            case DONE -> i18n.tr("admin.setup.state.done");
            case PARTLY -> i18n.tr("admin.setup.state.partly");
            case MISSING -> i18n.tr("admin.setup.state.missing");
            case UNKNOWN -> "";
        };
    }

    /** The console's choosers: a folder for the templates, an .xlsx to import, a confirmation dialog. */
    public static Choosers nativeChoosers(I18n i18n) {
        return new Choosers() {
            private File lastFolder;

            @Override
            public Optional<Path> folder(Window owner, String title) {
                DirectoryChooser c = new DirectoryChooser();
                c.setTitle(title);
                if (lastFolder != null && lastFolder.isDirectory()) {
                    c.setInitialDirectory(lastFolder);
                }
                File f = c.showDialog(owner);
                if (f != null) {
                    lastFolder = f;
                }
                return Optional.ofNullable(f).map(File::toPath);
            }

            @Override
            public Optional<Path> workbook(Window owner, String title) {
                FileChooser c = new FileChooser();
                c.setTitle(title);
                c.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.tr("admin.setup.choose.filter"),
                        "*.xlsx"));
                if (lastFolder != null && lastFolder.isDirectory()) {
                    c.setInitialDirectory(lastFolder); // where the templates were written
                }
                File f = c.showOpenDialog(owner);
                if (f != null) {
                    lastFolder = f.getParentFile();
                }
                return Optional.ofNullable(f).map(File::toPath);
            }

            @Override
            public boolean confirm(Window owner, String title, String question) {
                Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
                a.setTitle(title);
                a.setHeaderText(null);
                if (owner != null) {
                    a.initOwner(owner);
                }
                // Keeping the file is the safe answer: Enter does not overwrite.
                ((Button) a.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
                ((Button) a.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
                return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
            }
        };
    }

    /** Replaces the folder and file choosers and the confirmation (tests: native choosers cannot be driven headless). */
    public void setChoosers(Choosers choosers) {
        this.choosers = choosers;
    }

    /** Replaces the geo import window's file chooser (tests). */
    public void setGeoFiles(GeoImportDialog.FileSource files) {
        this.geoFiles = files;
    }

    /** What the users step's button opens (the administration workspace's users page); without it, no button. */
    public void setOnOpenUsers(Runnable onOpenUsers) {
        this.onOpenUsers = onOpenUsers;
        Node users = pages.get(Step.USERS);
        if (users != null) {
            users.lookup("#setup-users-open").setVisible(onOpenUsers != null);
        }
    }

    /** The geo import window opened last, or null (tests). */
    GeoImportDialog geoDialog() {
        return geoDialog;
    }

    /** The checklist's table. */
    TableView<StepStatus> table() {
        return table;
    }

    public Node root() {
        return root;
    }
}
