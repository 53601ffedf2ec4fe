package org.commandroom.app.ui.intake;

import java.io.File;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.jobs.JobBar;

/**
 * The tool bar's file actions (导入警情 / 导出 EIDO / 导入 EIDO): a file chooser, then the view model (the imports as
 * jobs, followed by a progress bar with a cancel button in the tool bar); a feed import ends with a dialog listing
 * every bad row with its line and why, and the count kept (or, cancelled, the count kept and the lines left).
 */
public final class CallFilesView {

    /** The incident selected in the queue, for the export: its id and number, or null. */
    public record Selected(long id, String incidentNo) {
    }

    private final CallFilesViewModel vm;
    private final I18n i18n;
    private final List<Node> buttons;
    private final Label message = new Label();

    public CallFilesView(CallFilesViewModel vm, UiContext ui, Supplier<Selected> selection) {
        this.vm = vm;
        this.i18n = ui.i18n();
        Button importCalls = button("toolbar-import-calls", i18n.tr("panels.importCalls"));
        importCalls.setOnAction(e -> {
            File f = chooser(org.commandroom.app.ui.common.FileLimits.title(i18n, i18n.tr("files.chooser.calls"),
                    org.commandroom.core.eido.CallFiles.CALLS_LIMIT), new FileChooser.ExtensionFilter(i18n.tr("files.filter.calls"),
                    "*.csv", "*.json")).showOpenDialog(window(importCalls));
            if (f != null) {
                vm.importCalls(f.toPath());
            }
        });
        Button exportEido = button("toolbar-export-eido", i18n.tr("panels.exportEido"));
        exportEido.setOnAction(e -> {
            Selected s = selection.get();
            if (s == null) {
                vm.nothingSelected();
                return;
            }
            FileChooser c = chooser(i18n.tr("files.chooser.exportEido"), eidoFilter());
            c.setInitialFileName(s.incidentNo() + ".eido.json");
            File f = c.showSaveDialog(window(exportEido));
            if (f != null) {
                vm.exportEido(s.id(), s.incidentNo(), f.toPath());
            }
        });
        Button importEido = button("toolbar-import-eido", i18n.tr("panels.importEido"));
        importEido.setOnAction(e -> {
            File f = chooser(org.commandroom.app.ui.common.FileLimits.title(i18n, i18n.tr("files.chooser.importEido"),
                    org.commandroom.core.eido.CallFiles.EIDO_LIMIT), eidoFilter()).showOpenDialog(window(importEido));
            if (f != null) {
                vm.importEido(f.toPath());
            }
        });
        message.setId("files-message");
        message.textProperty().bind(vm.messageProperty());
        // What an EIDO import did not take (or why it was refused), item by item, on the message itself.
        Tooltip detailsTip = new Tooltip();
        detailsTip.textProperty().bind(vm.detailsProperty());
        detailsTip.setWrapText(true);
        detailsTip.setMaxWidth(720);
        vm.detailsProperty().addListener((o, was, is) -> message.setTooltip(is == null || is.isEmpty() ? null : detailsTip));
        vm.messageIsErrorProperty().addListener((o, was, is) -> {
            message.getStyleClass().removeAll("danger", "success");
            message.getStyleClass().add(is ? "danger" : "success");
        });
        vm.setOnImported(o -> showReport(o, window(importCalls)));
        JobBar jobBar = new JobBar(i18n, "files-job");
        vm.jobProperty().addListener((o, was, j) -> {
            if (j != null) {
                jobBar.show(j, i18n.tr("importCalls".equals(j.kind()) ? "files.job.importCalls" : "files.job.importEido"));
            }
        });
        buttons = List.of(importCalls, exportEido, importEido, jobBar.root(), message);
    }

    private Button button(String id, String text) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.disableProperty().bind(vm.busyProperty());
        return b;
    }

    private FileChooser.ExtensionFilter eidoFilter() {
        return new FileChooser.ExtensionFilter(i18n.tr("files.filter.eido"), "*.json");
    }

    private static FileChooser chooser(String title, FileChooser.ExtensionFilter filter) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(filter);
        return c;
    }

    private static Window window(Node n) {
        return n.getScene() == null ? null : n.getScene().getWindow();
    }

    /** The result of a feed import: the counts, then every refused row with its line and why. */
    void showReport(CallFilesViewModel.ImportOutcome o, Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(i18n.tr("files.report.title"));
        if (owner != null) {
            d.initOwner(owner);
        }
        Label summary = new Label(o.summary());
        summary.setId("import-summary");
        summary.setWrapText(true);
        ListView<String> problems = new ListView<>();
        problems.setId("import-problems");
        problems.getItems().setAll(o.problems());
        problems.setPlaceholder(new Label(i18n.tr("files.report.none")));
        problems.setPrefSize(720, 320);
        VBox box = new VBox(8, summary, problems);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().add(ButtonType.OK);
        d.show();
    }

    /** The three buttons and the outcome line, for the tool bar. */
    public List<Node> nodes() {
        return buttons;
    }
}
