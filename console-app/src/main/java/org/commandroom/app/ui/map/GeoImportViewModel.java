package org.commandroom.app.ui.map;

import org.commandroom.app.ui.common.Failures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.jobs.Job;
import org.commandroom.core.job.JobCancelled;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.core.geo.io.GeometryRepair;
import org.commandroom.core.geo.io.ImportLayer;
import org.commandroom.core.geo.io.ImportOutcome;

/**
 * The import screen's state: which layer, in which datum, whether to replace, and the outcome of the
 * last import, which runs as a job on the jobs executor ({@link Tasks#runJob}, never before the queue's reads;
 * {@link GeoImportService}: all or nothing per file, in one transaction). A cancel takes effect until the import
 * starts; the import itself (reading, checking and writing the file in one transaction) is finished whole, and the
 * job says so, so the outcome is always the whole file imported or nothing. The map reloads its layers when the
 * change feed brings the import's changes, as on every other workstation.
 *
 * <p><b>Repairs.</b> Boundaries the import repaired on reading are listed ({@link #repairs()}); a file that imports
 * only repaired comes back as {@link ImportOutcome.NeedsRepairConsent}, nothing written. {@link #acceptRepairsAndImport()}
 * then imports it again with the repairs accepted: the same request (layer, datum, replace) and the same bytes that were
 * checked, kept from the first run, so what is written is what the user looked at even if the file changed since.
 */
public final class GeoImportViewModel {

    /** The import itself; in the console {@code GeoImportService::importContent}. */
    @FunctionalInterface
    public interface Importer {
        ImportOutcome importContent(GeoImportService.Request request, String fileName, byte[] content) throws IOException;
    }

    /** What a run gives back to the FX thread: the outcome and the bytes it was made from. */
    private record Run(ImportOutcome outcome, byte[] content) {
    }

    private final Importer importer;
    private final Tasks tasks;
    private final String actor;
    private final ObjectProperty<ImportLayer> layer = new SimpleObjectProperty<>(this, "layer", ImportLayer.STREETS);
    private final ObjectProperty<Datum> datum = new SimpleObjectProperty<>(this, "datum", Datum.WGS84);
    private final BooleanProperty replace = new SimpleBooleanProperty(this, "replace", false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyObjectWrapper<ImportOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<Job> job = new ReadOnlyObjectWrapper<>(this, "job");
    private final ReadOnlyBooleanWrapper cancelled = new ReadOnlyBooleanWrapper(this, "cancelled");
    private final ObservableList<GeometryRepair> repairs = FXCollections.observableArrayList();
    private final ObservableList<GeometryRepair> repairsView = FXCollections.unmodifiableObservableList(repairs);
    private final BooleanBinding canAcceptRepairs = Bindings.createBooleanBinding(
            () -> !running.get() && outcome.get() instanceof ImportOutcome.NeedsRepairConsent, running, outcome);
    /** The request and bytes waiting for consent to their repairs; FX thread only. */
    private GeoImportService.Request waitingRequest;
    private byte[] waitingContent;

    public GeoImportViewModel(Importer importer, Tasks tasks, String actor) {
        this.importer = Objects.requireNonNull(importer, "importer");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    public ObjectProperty<ImportLayer> layerProperty() {
        return layer;
    }

    public ObjectProperty<Datum> datumProperty() {
        return datum;
    }

    public BooleanProperty replaceProperty() {
        return replace;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The outcome of the last import: counts, or the rejected file's problems. */
    public ReadOnlyObjectProperty<ImportOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Why the last import could not run at all (file unreadable, database gone); null otherwise. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The import running or run last, for the job bar. */
    public ReadOnlyObjectProperty<Job> jobProperty() {
        return job.getReadOnlyProperty();
    }

    /** True when the last import was cancelled before it started: nothing was imported. */
    public ReadOnlyBooleanProperty cancelledProperty() {
        return cancelled.getReadOnlyProperty();
    }

    /**
     * The boundaries the last import repaired on reading: waiting for consent, written with it, or (for a rejected
     * file) listed apart from its problems. Empty before an import and while one runs.
     */
    public ObservableList<GeometryRepair> repairs() {
        return repairsView;
    }

    /** True when the last import waits for the user to accept its repairs and nothing runs. */
    public BooleanBinding canAcceptRepairsProperty() {
        return canAcceptRepairs;
    }

    /** Imports the chosen file with the chosen layer, datum and replace, off the FX thread; repairs not accepted. */
    public void importFile(Path path) {
        Objects.requireNonNull(path, "path");
        if (running.get()) {
            return;
        }
        run(new GeoImportService.Request(layer.get(), datum.get(), replace.get(), actor), path, null);
    }

    /**
     * Imports the file that waits for consent again, accepting its repairs: the same request and the same bytes as
     * were checked. Does nothing unless {@link #canAcceptRepairsProperty()}.
     */
    public void acceptRepairsAndImport() {
        if (!canAcceptRepairs.get() || waitingRequest == null) {
            return;
        }
        run(waitingRequest.acceptingRepairs(), file.get(), waitingContent);
    }

    /** Runs one import as a job; {@code content} null reads the file on the job's thread. */
    private void run(GeoImportService.Request request, Path path, byte[] content) {
        file.set(path);
        outcome.set(null);
        failure.set(null);
        cancelled.set(false);
        repairs.clear();
        waitingRequest = null;
        waitingContent = null;
        running.set(true);
        Job j = tasks.job("geoImport");
        job.set(j);
        String fileName = path.getFileName().toString();
        tasks.runJob(j, () -> {
            j.checkpoint();
            // A .shp comes with the files beside it (.shx, .dbf, .prj, .cpg), bundled as one zip for the import.
            boolean shp = request.layer().isAreas() && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".shp");
            byte[] bytes = content != null ? content
                    : shp ? org.commandroom.core.geo.io.ShapefileAreaReader.bundle(path) : Files.readAllBytes(path);
            j.cancellable(false); // one transaction from here: the whole file or nothing, never half
            return new Run(importer.importContent(request, fileName, bytes), bytes);
        }, result -> {
            running.set(false);
            if (result.outcome() instanceof ImportOutcome.NeedsRepairConsent) {
                waitingRequest = request;
                waitingContent = result.content();
            }
            repairs.setAll(result.outcome().repairs());
            outcome.set(result.outcome());
        }, e -> {
            running.set(false);
            if (e instanceof JobCancelled) {
                cancelled.set(true);
            } else {
                failure.set(Failures.text(e));
            }
        });
    }
}
