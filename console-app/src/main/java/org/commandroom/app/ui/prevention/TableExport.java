package org.commandroom.app.ui.prevention;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.workhours.WorkTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 导出 CSV button of a table of the 主防 window and the line that says how it went: it asks where to save (a file
 * name with the time proposed), takes the rows as the table shows them (filtered, sorted) on the FX thread, and writes
 * them off it ({@link CsvFile}). A failure is said in the user's words with the file's name, never the exception's.
 */
final class TableExport {

    private static final Logger LOG = LoggerFactory.getLogger(TableExport.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    /** Where to save: a path, or null when the user cancels. */
    @FunctionalInterface
    interface SaveDialog {
        Path choose(Window owner, String initialName);
    }

    private final TableView<?> table;
    private final I18n i18n;
    private final Tasks tasks;
    private final Clock clock;
    private final String fileKey;
    private final Button button;
    private final Label status = new Label();
    private SaveDialog dialog;

    /** {@code fileKey}: the bundle key of the proposed file name, {0} the time. */
    TableExport(String id, TableView<?> table, I18n i18n, Tasks tasks, Clock clock, String fileKey) {
        this.table = table;
        this.i18n = i18n;
        this.tasks = tasks;
        this.clock = clock;
        this.fileKey = fileKey;
        this.button = new Button(i18n.tr("prevention.export.button"));
        button.setId(id);
        button.setFocusTraversable(false);
        button.setOnAction(e -> export());
        status.setId(id + "-status");
        status.setWrapText(true);
        this.dialog = (owner, name) -> {
            FileChooser c = new FileChooser();
            c.setTitle(i18n.tr("prevention.export.title"));
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.tr("prevention.export.filter"), "*.csv"));
            c.setInitialFileName(name);
            File f = c.showSaveDialog(owner);
            return f == null ? null : f.toPath();
        };
    }

    /** Replaces the file chooser (tests). */
    void setSaveDialog(SaveDialog dialog) {
        this.dialog = Objects.requireNonNull(dialog);
    }

    Button button() {
        return button;
    }

    Label status() {
        return status;
    }

    private void export() {
        String name = i18n.tr(fileKey, STAMP.format(clock.instant().atZone(WorkTime.ZONE)));
        Path file = dialog.choose(table.getScene() == null ? null : table.getScene().getWindow(), name);
        if (file == null) {
            return;
        }
        CsvFile.Snapshot rows = CsvFile.of(table);
        button.setDisable(true);
        status.setText(i18n.tr("prevention.export.running"));
        tasks.run(() -> CsvFile.write(file, rows), n -> {
            button.setDisable(false);
            status.setText(i18n.tr("prevention.export.done", n, file.toAbsolutePath().toString()));
        }, e -> {
            button.setDisable(false);
            LOG.warn("Export to {} failed", file, e);
            status.setText(i18n.tr("prevention.export.failed", file.toAbsolutePath().toString()));
        });
    }
}
