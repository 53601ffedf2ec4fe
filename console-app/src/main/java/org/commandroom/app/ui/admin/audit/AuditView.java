package org.commandroom.app.ui.admin.audit;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.commandroom.app.ui.common.ColumnFit;
import org.commandroom.app.ui.common.Columns;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.jobs.JobBar;
import org.commandroom.core.audit.AuditEntry;
import org.commandroom.core.audit.AuditService;

/**
 * The administrator's audit trail (审计日志, issue 11): a filter bar (from / to in the station's time, user, action,
 * kind of record, text), the rows newest first with 加载更多 for older ones, 校验审计链 (the hash chain recomputed:
 * complete with its row count, or each break in red, the broken rows marked in the table and reachable from the
 * list), and 导出 CSV (a file chooser, then the export as a job with its progress and a cancel). Enter in the filter
 * bar searches. The view only binds; {@link AuditViewModel} holds the state and asks the core service off the FX
 * thread.
 */
public final class AuditView {

    /** A row the last verification found changed or out of the chain. */
    static final PseudoClass BROKEN = PseudoClass.getPseudoClass("broken");

    /** Where an export goes: asked of the user (a file chooser), or of a test. Returns null when cancelled. */
    @FunctionalInterface
    public interface SaveDialog {
        File choose(Window owner, String initialName);
    }

    private final AuditViewModel vm;
    private final I18n i18n;
    private final org.commandroom.app.ui.common.Tasks tasks;
    private final VBox root = new VBox(8);
    private final TableView<AuditEntry> table = new TableView<>();
    private SaveDialog saveDialog;

    /** The screen on the core service (the administration workspace builds it so). */
    public AuditView(AuditService audit, UiContext ui) {
        this(new AuditViewModel(audit, ui), ui);
    }

    public AuditView(AuditViewModel vm, UiContext ui) {
        this.vm = vm;
        this.i18n = ui.i18n();
        this.tasks = ui.tasks();
        this.saveDialog = this::chooseFile;
        root.setId("admin-audit");
        root.getStyleClass().addAll("panel", "admin-audit");

        FlowPane filters = filterBar();
        HBox tools = toolBar();
        Label message = new Label();
        message.setId("admin-audit-message");
        message.getStyleClass().add("admin-audit-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        vm.messageIsErrorProperty().addListener((o, was, is) -> tone(message, is ? Styles.DANGER : Styles.SUCCESS));
        tone(message, Styles.SUCCESS);

        Label chain = new Label();
        chain.setId("admin-audit-chain");
        chain.getStyleClass().add("admin-audit-chain");
        chain.setWrapText(true);
        chain.textProperty().bind(vm.chainTextProperty());
        chain.visibleProperty().bind(vm.chainTextProperty().isNotEmpty());
        chain.managedProperty().bind(chain.visibleProperty());
        vm.chainProperty().addListener((o, was, is) -> tone(chain, switch (is) {
            case INTACT -> Styles.SUCCESS;
            case BROKEN, FAILED -> Styles.DANGER;
            default -> null;
        }));
        ListView<AuditViewModel.ChainProblem> problems = problemList();

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(tools, filters, message, chain, problems, table, footer());
        Lifecycle.whileShowing(root, vm::activate, () -> { });
    }

    // ---- filter bar -----------------------------------------------------------------------------------------------

    private FlowPane filterBar() {
        DatePicker fromDate = datePicker("admin-audit-from-date");
        fromDate.valueProperty().bindBidirectional(vm.fromDateProperty());
        TextField fromTime = timeField("admin-audit-from-time");
        fromTime.textProperty().bindBidirectional(vm.fromTimeProperty());
        DatePicker toDate = datePicker("admin-audit-to-date");
        toDate.valueProperty().bindBidirectional(vm.toDateProperty());
        toDate.setPromptText(i18n.tr("admin.audit.filter.toPrompt"));
        TextField toTime = timeField("admin-audit-to-time");
        toTime.textProperty().bindBidirectional(vm.toTimeProperty());

        TextField actor = new TextField();
        actor.setId("admin-audit-actor");
        actor.setPrefColumnCount(9);
        actor.setPromptText(i18n.tr("admin.audit.filter.actorPrompt"));
        actor.textProperty().bindBidirectional(vm.actorProperty());
        CheckBox exact = new CheckBox(i18n.tr("admin.audit.filter.exact"));
        exact.setId("admin-audit-actor-exact");
        exact.selectedProperty().bindBidirectional(vm.actorExactProperty());
        exact.setTooltip(new Tooltip(i18n.tr("admin.audit.filter.exactTip")));

        ComboBox<String> action = choice("admin-audit-action", vm.actions(), vm::actionChoice, 220);
        action.valueProperty().bindBidirectional(vm.actionProperty());
        ComboBox<String> entity = choice("admin-audit-entity", vm.entities(), vm::entityChoice, 150);
        entity.valueProperty().bindBidirectional(vm.entityProperty());

        TextField text = new TextField();
        text.setId("admin-audit-text");
        text.setPrefColumnCount(14);
        text.setPromptText(i18n.tr("admin.audit.filter.textPrompt"));
        text.textProperty().bindBidirectional(vm.textProperty());

        Button search = new Button(i18n.tr("admin.audit.search"));
        search.setId("admin-audit-search");
        search.getStyleClass().add(Styles.ACCENT);
        search.setOnAction(e -> vm.search());
        Button reset = new Button(i18n.tr("admin.audit.reset"));
        reset.setId("admin-audit-reset");
        reset.setOnAction(e -> {
            vm.resetFilter();
            vm.search();
        });

        FlowPane bar = new FlowPane(12, 6,
                group(label("admin.audit.filter.from", fromDate), fromDate, fromTime),
                group(label("admin.audit.filter.to", toDate), toDate, toTime),
                group(label("admin.audit.filter.actor", actor), actor, exact),
                group(label("admin.audit.filter.action", action), action),
                group(label("admin.audit.filter.entity", entity), entity),
                group(label("admin.audit.filter.text", text), text),
                group(search, reset));
        bar.setId("admin-audit-filters");
        bar.getStyleClass().add("admin-audit-filters");
        bar.setAlignment(Pos.CENTER_LEFT);
        // Enter anywhere in the bar searches; after the field under it has taken its value (a date typed in).
        bar.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !(e.getTarget() instanceof Button)) {
                tasks.fx(vm::search);
            }
        });
        return bar;
    }

    private Label label(String key, Node field) {
        Label l = new Label(i18n.tr(key));
        l.setLabelFor(field);
        l.setMnemonicParsing(true);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static HBox group(Node... nodes) {
        HBox g = new HBox(4, nodes);
        g.setAlignment(Pos.CENTER_LEFT);
        return g;
    }

    private DatePicker datePicker(String id) {
        DatePicker d = new DatePicker();
        d.setId(id);
        d.setPrefWidth(150);
        d.setShowWeekNumbers(false);
        d.setConverter(new StringConverter<>() {
            private final java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd", Locale.ROOT);

            @Override
            public String toString(java.time.LocalDate date) {
                return date == null ? "" : f.format(date);
            }

            @Override
            public java.time.LocalDate fromString(String s) {
                if (s == null || s.isBlank()) {
                    return null;
                }
                try {
                    return java.time.LocalDate.parse(s.strip(), f);
                } catch (java.time.format.DateTimeParseException e) {
                    return d.getValue(); // what was there: a typo does not clear the date
                }
            }
        });
        return d;
    }

    private TextField timeField(String id) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(4);
        t.setPromptText(i18n.tr("admin.audit.filter.timePrompt"));
        return t;
    }

    private static ComboBox<String> choice(String id, javafx.collections.ObservableList<String> items,
                                           Function<String, String> text, double width) {
        ComboBox<String> c = new ComboBox<>(items);
        c.setId(id);
        c.setPrefWidth(width);
        c.setVisibleRowCount(16);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return text.apply(code);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        return c;
    }

    // ---- tools, chain and footer ----------------------------------------------------------------------------------

    private HBox toolBar() {
        Button verify = new Button(i18n.tr("admin.audit.verify"));
        verify.setId("admin-audit-verify");
        verify.disableProperty().bind(vm.jobRunningProperty());
        verify.setOnAction(e -> vm.verify());
        Button export = new Button(i18n.tr("admin.audit.export"));
        export.setId("admin-audit-export");
        export.disableProperty().bind(vm.jobRunningProperty());
        export.setOnAction(e -> {
            File f = saveDialog.choose(root.getScene() == null ? null : root.getScene().getWindow(),
                    vm.suggestedFileName());
            if (f != null) {
                vm.export(withCsvExtension(f.toPath()));
            }
        });
        JobBar jobBar = new JobBar(i18n, "admin-audit-job");
        vm.jobProperty().addListener((o, was, j) -> {
            if (j != null) {
                jobBar.show(j, i18n.tr("verify".equals(j.kind()) ? "admin.audit.job.verify" : "admin.audit.job.export"));
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label(i18n.tr("admin.audit.title"));
        title.getStyleClass().add("panel-title");
        HBox bar = new HBox(8, title, spacer, jobBar.root(), verify, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("panel-header");
        return bar;
    }

    private static Path withCsvExtension(Path p) {
        String name = p.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? p : p.resolveSibling(name + ".csv");
    }

    private ListView<AuditViewModel.ChainProblem> problemList() {
        ListView<AuditViewModel.ChainProblem> list = new ListView<>(vm.problems());
        list.setId("admin-audit-problems");
        list.getStyleClass().add("admin-audit-problems");
        // As tall as its lines, up to five; then it scrolls.
        list.setFixedCellSize(26);
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(5, Math.max(1, vm.problems().size())) * 26.0 + 4, vm.problems()));
        list.maxHeightProperty().bind(list.prefHeightProperty());
        list.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
        list.managedProperty().bind(list.visibleProperty());
        list.setTooltip(new Tooltip(i18n.tr("admin.audit.chain.goToTip")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(AuditViewModel.ChainProblem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.text());
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                goToSelected(list);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                goToSelected(list);
            }
        });
        return list;
    }

    private void goToSelected(ListView<AuditViewModel.ChainProblem> list) {
        AuditViewModel.ChainProblem p = list.getSelectionModel().getSelectedItem();
        if (p != null && p.seq() > 0) {
            vm.goTo(p.seq());
        }
    }

    private HBox footer() {
        Button more = new Button(i18n.tr("admin.audit.more"));
        more.setId("admin-audit-more");
        more.disableProperty().bind(vm.moreProperty().not().or(vm.loadingProperty()));
        more.setOnAction(e -> vm.loadMore());
        Label status = new Label();
        status.setId("admin-audit-status");
        status.getStyleClass().add("panel-count");
        status.textProperty().bind(Bindings.when(vm.loadingProperty())
                .then(i18n.tr("admin.audit.status.loading")).otherwise(vm.statusProperty()));
        HBox f = new HBox(10, more, status);
        f.setAlignment(Pos.CENTER_LEFT);
        return f;
    }

    // ---- the table ------------------------------------------------------------------------------------------------

    private void buildTable() {
        table.setId("admin-audit-table");
        table.getStyleClass().addAll(Styles.DENSE, "admin-audit-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label(i18n.tr("admin.audit.empty")));
        TableColumn<AuditEntry, String> seq = column("admin.audit.col.seq", 80, "col-seq", r -> Long.toString(r.seq()));
        seq.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<AuditEntry, String> time = column("admin.audit.col.time", 150, "col-time", r -> vm.time(r.at()));
        Columns.values(time, List.of("2026-11-23 10:00:00"));
        TableColumn<AuditEntry, String> actor = column("admin.audit.col.actor", 110, "col-actor", AuditEntry::actor);
        TableColumn<AuditEntry, String> workstation = column("admin.audit.col.workstation", 110, "col-workstation",
                AuditEntry::workstation);
        TableColumn<AuditEntry, String> action = column("admin.audit.col.action", 130, "col-action",
                r -> vm.actionLabel(r.action()));
        TableColumn<AuditEntry, String> entity = column("admin.audit.col.entity", 80, "col-entity",
                r -> vm.entityLabel(r.entity()));
        TableColumn<AuditEntry, String> entityId = column("admin.audit.col.entityId", 90, "col-entity-id",
                r -> r.entityId() == null ? "" : r.entityId().toString());
        TableColumn<AuditEntry, String> detail = column("admin.audit.col.detail", 320, "col-detail",
                r -> r.detail() == null ? "" : r.detail());
        Columns.freeText(detail);
        Columns.minWidth(detail, 200);
        table.getColumns().addAll(List.of(seq, time, actor, workstation, action, entity, entityId, detail));
        ColumnFit.install(table, entityId, workstation, seq);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditEntry r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(BROKEN, !empty && r != null && vm.brokenSeqs().contains(r.seq()));
            }
        });
        vm.brokenSeqs().addListener((SetChangeListener<Long>) c -> table.refresh());
        vm.selectSeqProperty().addListener((o, was, is) -> {
            for (int i = 0; is != null && is > 0 && i < table.getItems().size(); i++) {
                if (table.getItems().get(i).seq() == is) {
                    table.getSelectionModel().clearAndSelect(i);
                    table.scrollTo(i);
                    table.requestFocus();
                    return;
                }
            }
        });
    }

    private TableColumn<AuditEntry, String> column(String key, double width, String style,
                                                   Function<AuditEntry, String> value) {
        TableColumn<AuditEntry, String> c = new TableColumn<>(i18n.tr(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        Columns.setup(c, width, style);
        return c;
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static void tone(Label l, String styleClass) {
        l.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
    }

    private File chooseFile(Window owner, String initialName) {
        FileChooser c = new FileChooser();
        c.setTitle(i18n.tr("admin.audit.export.title"));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.tr("admin.audit.export.filter"), "*.csv"));
        c.setInitialFileName(initialName);
        return c.showSaveDialog(owner);
    }

    /** Replaces the file chooser (tests, or a workspace that remembers the last folder). */
    public void setSaveDialog(SaveDialog dialog) {
        this.saveDialog = dialog;
    }

    public Node root() {
        return root;
    }

    AuditViewModel viewModel() {
        return vm;
    }

    TableView<AuditEntry> table() {
        return table;
    }
}
