package org.commandroom.app.ui.admin.setup;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.commandroom.app.ui.common.Columns;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.jobs.JobBar;

/**
 * The view of one workbook import page ({@link WorkbookImportViewModel}): what the workbook holds, then 生成模板 (a
 * folder chooser), 选择文件 (a file chooser), 检查 and 导入 (offered after a clean check only), the job's bar, the
 * outcome line and the table of every problem found (sheet, row, column, what is wrong). Node ids start with the
 * page's prefix ({@code setup-org}, {@code setup-units}, {@code setup-houses}).
 */
final class WorkbookImportPage {

    private final VBox root = new VBox(10);
    private final TableView<WorkbookImportViewModel.ProblemRow> problems = new TableView<>();

    WorkbookImportPage(WorkbookImportViewModel vm, I18n i18n, String id, String title, String explanation,
                       SetupView.Choosers choosers) {
        root.setId(id + "-page");
        root.getStyleClass().add("setup-page");
        root.setPadding(new Insets(12, 16, 12, 16));

        Label heading = new Label(title);
        heading.getStyleClass().add("setup-page-title");
        Label about = new Label(explanation);
        about.setWrapText(true);
        about.getStyleClass().add("setup-page-about");
        about.setMinHeight(Region.USE_PREF_SIZE);

        Button template = new Button(i18n.tr("admin.setup.template", vm.templateFile()));
        template.setId(id + "-template");
        template.disableProperty().bind(vm.busyProperty());
        template.setOnAction(e -> choosers.folder(window(), i18n.tr("admin.setup.template.chooser"))
                .ifPresent(dir -> vm.writeTemplate(dir, target -> choosers.confirm(window(),
                        i18n.tr("admin.setup.template.overwrite.title"),
                        i18n.tr("admin.setup.template.overwrite", target.toAbsolutePath().toString())))));

        Button choose = new Button(i18n.tr("admin.setup.choose"));
        choose.setId(id + "-choose");
        choose.disableProperty().bind(vm.busyProperty());
        choose.setOnAction(e -> choosers.workbook(window(), org.commandroom.app.ui.common.FileLimits.title(i18n,
                i18n.tr("admin.setup.choose.title"), org.commandroom.core.org.OrgWorkbook.LIMIT))
                .ifPresent(vm.fileProperty()::set));
        Label file = new Label();
        file.setId(id + "-file");
        file.getStyleClass().add("setup-file");
        file.textProperty().bind(Bindings.createStringBinding(() -> vm.fileProperty().get() == null
                ? i18n.tr("admin.setup.file.noneChosen") : vm.fileProperty().get().toAbsolutePath().normalize().toString(),
                vm.fileProperty()));
        // The file's name is what matters: a long path is cut at its start, and is whole in the tooltip.
        file.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        file.setMinWidth(0);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(file.textProperty());
        file.setTooltip(whole);
        HBox.setHgrow(file, Priority.ALWAYS);
        for (Button b : new Button[] {template, choose}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox files = new HBox(10, template, choose, file);
        files.setAlignment(Pos.CENTER_LEFT);

        Button check = new Button(i18n.tr("admin.setup.check"));
        check.setId(id + "-check");
        check.disableProperty().bind(vm.canCheckProperty().not());
        check.setOnAction(e -> vm.check());
        Button importIt = new Button(i18n.tr("admin.setup.import"));
        importIt.setId(id + "-import");
        importIt.disableProperty().bind(vm.canImportProperty().not());
        importIt.setOnAction(e -> vm.importChecked());
        // Enter checks a chosen file, and imports it once it is checked clean.
        check.defaultButtonProperty().bind(vm.checkedCleanProperty().not());
        importIt.defaultButtonProperty().bind(vm.checkedCleanProperty());
        JobBar jobBar = new JobBar(i18n, id + "-job");
        vm.jobProperty().addListener((o, was, j) -> {
            if (j != null) {
                jobBar.show(j, i18n.tr("setupImport".equals(j.kind()) ? "admin.setup.job.import" : "admin.setup.job.check",
                        vm.fileProperty().get() == null ? "" : vm.fileProperty().get().getFileName()));
            }
        });
        Label hint = new Label(i18n.tr("admin.setup.import.hint"));
        hint.getStyleClass().add("setup-hint");
        hint.setWrapText(true);
        check.setMinWidth(Region.USE_PREF_SIZE);
        importIt.setMinWidth(Region.USE_PREF_SIZE);
        hint.setMinWidth(0);
        HBox actions = new HBox(10, check, importIt, jobBar.root(), hint);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(hint, Priority.ALWAYS);

        Label message = new Label();
        message.setId(id + "-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("setup-message");
        message.textProperty().bind(vm.messageProperty());
        vm.toneProperty().addListener((o, was, is) -> tone(message, is));
        tone(message, vm.toneProperty().get());

        problems.setId(id + "-problems");
        problems.getStyleClass().add("setup-problems");
        problems.setItems(vm.problems());
        problems.setPlaceholder(new Label(i18n.tr("admin.setup.problems.none")));
        problems.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        problems.getColumns().add(column(i18n.tr("admin.setup.problems.sheet"), 110, "col-sheet",
                WorkbookImportViewModel.ProblemRow::sheet));
        problems.getColumns().add(column(i18n.tr("admin.setup.problems.row"), 56, "col-row",
                WorkbookImportViewModel.ProblemRow::row));
        problems.getColumns().add(column(i18n.tr("admin.setup.problems.column"), 150, "col-column",
                WorkbookImportViewModel.ProblemRow::column));
        TableColumn<WorkbookImportViewModel.ProblemRow, String> what = column(i18n.tr("admin.setup.problems.message"),
                420, "col-message", WorkbookImportViewModel.ProblemRow::message);
        wrap(what);
        problems.getColumns().add(what);
        VBox.setVgrow(problems, Priority.ALWAYS);

        root.getChildren().addAll(heading, about, files, actions, message, problems);
    }

    private static void tone(Label message, WorkbookImportViewModel.Tone tone) {
        message.getStyleClass().removeAll("danger", "success");
        if (tone == WorkbookImportViewModel.Tone.ERROR) {
            message.getStyleClass().add("danger");
        } else if (tone == WorkbookImportViewModel.Tone.SUCCESS) {
            message.getStyleClass().add("success");
        }
    }

    private static TableColumn<WorkbookImportViewModel.ProblemRow, String> column(String header, double width,
            String styleClass, Function<WorkbookImportViewModel.ProblemRow, String> value) {
        TableColumn<WorkbookImportViewModel.ProblemRow, String> c = new TableColumn<>(header);
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cd.getValue())));
        Columns.setup(c, width, styleClass);
        return c;
    }

    /** A problem's text wraps in its cell: the whole message stays readable however long. */
    private static void wrap(TableColumn<WorkbookImportViewModel.ProblemRow, String> c) {
        Columns.wrapping(c);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    TableView<WorkbookImportViewModel.ProblemRow> problems() {
        return problems;
    }

    Node root() {
        return root;
    }
}
