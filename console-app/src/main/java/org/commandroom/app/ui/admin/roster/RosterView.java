package org.commandroom.app.ui.admin.roster;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.StringConverter;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.roster.RosterService.OfficerChoice;
import org.commandroom.core.roster.RosterService.Scope;
import org.commandroom.core.roster.RosterService.Shift;

/**
 * The duty roster tab (值班表, issue 12): whose roster and which week at the top with who is on duty now, the week's
 * shifts in a table, and beside it the form of the selected (or a new) shift: date, start and end (an end before
 * the start is the next day; day- and night-shift buttons fill them), one or two duty commanders, the leader on duty
 * and a note. Deleting and copying last week ask first; the safe answer is the default. It only binds and forwards
 * to {@link RosterViewModel}.
 */
public final class RosterView {

    private final RosterViewModel vm;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final TableView<Shift> table = new TableView<>();
    private final DatePicker date = new DatePicker();
    private final TextField start = new TextField("08:00");
    private final TextField end = new TextField("20:00");
    private final ComboBox<OfficerChoice> commander1 = new ComboBox<>();
    private final ComboBox<OfficerChoice> commander2 = new ComboBox<>();
    private final ComboBox<OfficerChoice> leader = new ComboBox<>();
    private final TextField notes = new TextField();
    private final ObservableList<OfficerChoice> optional = FXCollections.observableArrayList();
    private Long editing;

    public RosterView(RosterViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        root.setId("admin-roster");
        root.setPadding(new Insets(8));
        root.setTop(top());
        root.setCenter(table());
        root.setRight(form());
        Label message = new Label();
        message.setId("admin-roster-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.failedProperty().addListener((o, was, is) -> {
            message.getStyleClass().remove("danger");
            if (is) {
                message.getStyleClass().add("danger");
            }
        });
        BorderPane.setMargin(message, new Insets(6, 0, 0, 0));
        root.setBottom(message);
        vm.officers().addListener((ListChangeListener<OfficerChoice>) c -> {
            List<OfficerChoice> withNone = new ArrayList<>();
            withNone.add(null);
            withNone.addAll(vm.officers());
            optional.setAll(withNone);
        });
        date.setValue(vm.weekStartProperty().get());
        vm.load();
    }

    public Node root() {
        return root;
    }

    private Node top() {
        ComboBox<Scope> scope = new ComboBox<>(vm.scopes());
        scope.setId("admin-roster-scope");
        scope.setConverter(new StringConverter<>() {
            @Override
            public String toString(Scope s) {
                return s == null ? "" : s.stationCode() == null ? s.name() : s.name() + " (" + s.stationCode() + ")";
            }

            @Override
            public Scope fromString(String s) {
                return null;
            }
        });
        scope.setValue(vm.scopeProperty().get());
        scope.valueProperty().addListener((o, was, is) -> {
            if (is != null && !Objects.equals(is, vm.scopeProperty().get())) {
                vm.choose(is);
            }
        });
        Label week = new Label();
        week.setId("admin-roster-week");
        week.textProperty().bind(Bindings.createStringBinding(() -> {
            LocalDate m = vm.weekStartProperty().get();
            return i18n.tr("admin.roster.week", m.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), m, m.plusDays(6));
        }, vm.weekStartProperty()));
        Button prev = button("admin-roster-prev", "admin.roster.prevWeek", vm::previousWeek);
        Button next = button("admin-roster-next", "admin.roster.nextWeek", vm::nextWeek);
        Button now = button("admin-roster-this", "admin.roster.thisWeek", vm::thisWeek);
        Button copy = button("admin-roster-copy", "admin.roster.copyLastWeek", () -> confirm("admin-roster-copy-confirm",
                i18n.tr("admin.roster.copyTitle"), i18n.tr("admin.roster.copyQuestion", vm.weekStartProperty().get()),
                i18n.tr("admin.roster.copyYes"), false, vm::copyLastWeek));
        copy.disableProperty().bind(vm.busyProperty());
        Button template = button("admin-roster-template", "admin.roster.template", () -> {
            javafx.stage.FileChooser c = chooser();
            c.setInitialFileName(i18n.tr("admin.roster.templateName"));
            java.io.File f = c.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                vm.writeTemplate(f.toPath());
            }
        });
        Button load = button("admin-roster-import", "admin.roster.import", () -> {
            java.io.File f = chooser().showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                vm.check(f.toPath());
            }
        });
        load.disableProperty().bind(vm.busyProperty());
        vm.checkedProperty().addListener((o, was, is) -> {
            if (is != null) {
                confirm("admin-roster-import-confirm", i18n.tr("admin.roster.importTitle"),
                        i18n.tr("admin.roster.importQuestion", is.getFileName(), vm.checkedShifts()),
                        i18n.tr("admin.roster.importYes"), false, vm::importChecked);
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label(i18n.tr("admin.roster.scope")), scope, prev, week, next, now, gap, copy, template, load);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label onDuty = new Label();
        onDuty.setId("admin-roster-onduty");
        onDuty.textProperty().bind(vm.onDutyProperty());
        onDuty.getStyleClass().add("admin-roster-onduty");
        VBox box = new VBox(6, bar, onDuty);
        box.setPadding(new Insets(0, 0, 8, 0));
        return box;
    }

    private Node table() {
        table.setId("admin-roster-table");
        table.setItems(vm.shifts());
        table.setPlaceholder(new Label(i18n.tr("admin.roster.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("admin.roster.col.time", 230, vm::span));
        table.getColumns().add(column("admin.roster.col.commanders", 160, Shift::commanderNames));
        table.getColumns().add(column("admin.roster.col.leader", 100, s -> s.leader() == null ? "" : s.leader().name()));
        table.getColumns().add(column("admin.roster.col.notes", 160, s -> s.notes() == null ? "" : s.notes()));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                fill(is);
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                askDelete();
            }
        });
        return table;
    }

    private Node form() {
        date.setId("admin-roster-date");
        start.setId("admin-roster-start");
        end.setId("admin-roster-end");
        notes.setId("admin-roster-notes");
        start.setPrefColumnCount(6);
        end.setPrefColumnCount(6);
        officers(commander1, "admin-roster-commander1", vm.officers());
        officers(commander2, "admin-roster-commander2", optional);
        officers(leader, "admin-roster-leader", optional);
        Button day = button("admin-roster-day", "admin.roster.form.dayShift", () -> times("08:00", "20:00"));
        Button night = button("admin-roster-night", "admin.roster.form.nightShift", () -> times("20:00", "08:00"));
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        int r = 0;
        g.add(new Label(i18n.tr("admin.roster.form.title")), 0, r++, 2, 1);
        g.addRow(r++, new Label(i18n.tr("admin.roster.form.date")), date);
        g.add(new HBox(6, day, night), 1, r++);
        g.addRow(r++, new Label(i18n.tr("admin.roster.form.start")), start);
        g.addRow(r++, new Label(i18n.tr("admin.roster.form.end")), end);
        g.addRow(r++, new Label(i18n.tr("admin.roster.form.commander1")), commander1);
        g.addRow(r++, new Label(i18n.tr("admin.roster.form.commander2")), commander2);
        g.addRow(r++, new Label(i18n.tr("admin.roster.form.leader")), leader);
        g.addRow(r++, new Label(i18n.tr("admin.roster.form.notes")), notes);
        Button fresh = button("admin-roster-new", "admin.roster.new", this::clear);
        Button save = button("admin-roster-save", "admin.roster.save", this::save);
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.busyProperty());
        Button delete = button("admin-roster-delete", "admin.roster.delete", this::askDelete);
        delete.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        g.add(new HBox(6, fresh, save, delete), 0, r, 2, 1);
        g.setPadding(new Insets(0, 0, 0, 12));
        g.setMinWidth(Region.USE_PREF_SIZE);
        return g;
    }

    private void officers(ComboBox<OfficerChoice> box, String id, ObservableList<OfficerChoice> items) {
        box.setId(id);
        box.setItems(items);
        box.setPrefWidth(280);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(OfficerChoice o) {
                return o == null ? i18n.tr("admin.roster.form.none") : i18n.tr("admin.roster.officer", o.name(), o.badgeNo(),
                        o.stationName());
            }

            @Override
            public OfficerChoice fromString(String s) {
                return null;
            }
        });
    }

    private void times(String a, String b) {
        start.setText(a);
        end.setText(b);
    }

    private void fill(Shift s) {
        editing = s.id();
        date.setValue(s.startsAt().atZone(vm.zone()).toLocalDate());
        times(s.startsAt().atZone(vm.zone()).toLocalTime().toString(), s.endsAt().atZone(vm.zone()).toLocalTime().toString());
        commander1.setValue(find(s.commanders().isEmpty() ? null : s.commanders().get(0).badgeNo()));
        commander2.setValue(find(s.commanders().size() > 1 ? s.commanders().get(1).badgeNo() : null));
        leader.setValue(find(s.leader() == null ? null : s.leader().badgeNo()));
        notes.setText(s.notes() == null ? "" : s.notes());
    }

    private OfficerChoice find(String badge) {
        return badge == null ? null : vm.officers().stream().filter(o -> o.badgeNo().equals(badge)).findFirst().orElse(null);
    }

    private void clear() {
        table.getSelectionModel().clearSelection();
        editing = null;
        notes.setText("");
        commander2.setValue(null);
        leader.setValue(null);
        date.requestFocus();
    }

    private void save() {
        List<String> commanders = new ArrayList<>();
        if (commander1.getValue() != null) {
            commanders.add(commander1.getValue().badgeNo());
        }
        if (commander2.getValue() != null) {
            commanders.add(commander2.getValue().badgeNo());
        }
        vm.save(editing, date.getValue(), start.getText(), end.getText(), commanders,
                leader.getValue() == null ? null : leader.getValue().badgeNo(), notes.getText());
    }

    private void askDelete() {
        Shift s = table.getSelectionModel().getSelectedItem();
        if (s == null) {
            return;
        }
        confirm("admin-roster-delete-confirm", i18n.tr("admin.roster.deleteTitle"),
                i18n.tr("admin.roster.deleteQuestion", vm.describe(s)), i18n.tr("admin.roster.deleteYes"), true, () -> {
                    editing = null;
                    vm.delete(s);
                });
    }

    /** A question whose safe answer (cancel) is the default: Enter and Esc leave things as they are. */
    private void confirm(String id, String title, String question, String yesText, boolean danger, Runnable onYes) {
        ButtonType yes = new ButtonType(yesText, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.tr("admin.roster.deleteNo"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, yes, no);
        alert.setTitle(title);
        alert.setHeaderText(title);
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        alert.getDialogPane().setId(id);
        Button yesButton = (Button) alert.getDialogPane().lookupButton(yes);
        yesButton.setId(id + "-yes");
        yesButton.setDefaultButton(false);
        if (danger) {
            yesButton.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        }
        Button noButton = (Button) alert.getDialogPane().lookupButton(no);
        noButton.setId(id + "-no");
        noButton.setDefaultButton(true);
        if (alert.getDialogPane().getScene() != null) {
            org.commandroom.app.ui.common.Theme.style(alert.getDialogPane().getScene());
        }
        alert.setOnHidden(e -> {
            if (alert.getResult() == yes) {
                onYes.run();
            } else if ("admin-roster-import-confirm".equals(id)) {
                vm.cancelChecked();
            }
        });
        alert.show();
    }

    private javafx.stage.FileChooser chooser() {
        javafx.stage.FileChooser c = new javafx.stage.FileChooser();
        c.setTitle(org.commandroom.app.ui.common.FileLimits.title(i18n, i18n.tr("admin.roster.fileTitle"),
                org.commandroom.core.roster.RosterWorkbook.LIMIT));
        c.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(i18n.tr("admin.roster.fileFilter"), "*.xlsx"));
        return c;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(i18n.tr(key));
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setOnAction(e -> action.run());
        return b;
    }

    private TableColumn<Shift, String> column(String key, double width, java.util.function.Function<Shift, String> text) {
        TableColumn<Shift, String> c = new TableColumn<>(i18n.tr(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        return c;
    }
}
