package org.commandroom.app.ui.map;

import org.commandroom.app.ui.common.Failures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
import org.commandroom.core.job.JobProgress;
import org.commandroom.core.geo.io.PlaceImportService;
import org.commandroom.core.geo.osm.OsmBaseMapImport;
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
 * <p>Besides the boundary layers and the camera list it offers ({@link #choices()}) the named places (key places,
 * police offices, deployment points; {@link PlaceImportService}, with a dry run) and the OpenStreetMap base map
 * ({@link OsmBaseMapImport}, its progress the share of the file read), when it was given their imports.
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

    /** The named-place import; in the console {@code PlaceImportService::importContent}. */
    @FunctionalInterface
    public interface PlaceImporter {
        PlaceImportService.Outcome importContent(PlaceImportService.Request request, String fileName, byte[] content);
    }

    /** The OpenStreetMap base map import; in the console {@code OsmBaseMapImport::importFile}. */
    @FunctionalInterface
    public interface BaseMapImporter {
        OsmBaseMapImport.Outcome importFile(Path file, String actor, JobProgress progress);
    }

    /** What a run gives back to the FX thread: the outcome and the bytes it was made from. */
    private record Run(ImportOutcome outcome, byte[] content) {
    }

    private final Importer importer;
    private final PlaceImporter placeImporter;
    private final BaseMapImporter baseMapImporter;
    private final Tasks tasks;
    private final String actor;
    private final ObjectProperty<ImportLayer> layer = new SimpleObjectProperty<>(this, "layer", ImportLayer.DISTRICT);
    private final ObjectProperty<ImportChoice> choice = new SimpleObjectProperty<>(this, "choice", ImportChoice.DISTRICT);
    private final BooleanProperty dryRun = new SimpleBooleanProperty(this, "dryRun", false);
    private final ReadOnlyObjectWrapper<PlaceImportService.Outcome> placeOutcome =
            new ReadOnlyObjectWrapper<>(this, "placeOutcome");
    private final ReadOnlyObjectWrapper<OsmBaseMapImport.Outcome> baseMapOutcome =
            new ReadOnlyObjectWrapper<>(this, "baseMapOutcome");
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

    /** Boundary layers and the camera list only. */
    public GeoImportViewModel(Importer importer, Tasks tasks, String actor) {
        this(importer, null, null, tasks, actor);
    }

    /**
     * @param placeImporter   the named places' import, or null not to offer them
     * @param baseMapImporter the base map's import, or null not to offer it
     */
    public GeoImportViewModel(Importer importer, PlaceImporter placeImporter, BaseMapImporter baseMapImporter,
                              Tasks tasks, String actor) {
        this.importer = Objects.requireNonNull(importer, "importer");
        this.placeImporter = placeImporter;
        this.baseMapImporter = baseMapImporter;
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.actor = Objects.requireNonNull(actor, "actor");
        // The layer and the choice name the same thing while the choice is a layer.
        choice.addListener((o, was, is) -> {
            if (is != null && is.isLayer() && layer.get() != is.layer()) {
                layer.set(is.layer());
            }
        });
        layer.addListener((o, was, is) -> {
            if (is != null && choice.get() != ImportChoice.of(is)) {
                choice.set(ImportChoice.of(is));
            }
        });
    }

    /** A console that imports everything the window offers through the one geography service. */
    public static GeoImportViewModel of(GeoImportService service, Tasks tasks, String actor) {
        PlaceImportService places = service.places();
        OsmBaseMapImport baseMap = service.baseMap();
        return new GeoImportViewModel(service::importContent, places::importContent, baseMap::importFile, tasks, actor);
    }

    /** What the window's list offers, in its order: the layers, then what this console was given to import. */
    public List<ImportChoice> choices() {
        return Arrays.stream(ImportChoice.values()).filter(c -> c.isLayer() || (c.isPlace() && placeImporter != null)
                || (c.isBaseMap() && baseMapImporter != null)).toList();
    }

    /** What is to be imported; the {@link #layerProperty()} follows it while it is a layer. */
    public ObjectProperty<ImportChoice> choiceProperty() {
        return choice;
    }

    /** For named places: check and count only, write nothing. */
    public BooleanProperty dryRunProperty() {
        return dryRun;
    }

    /** The outcome of the last named-place import, or null. */
    public ReadOnlyObjectProperty<PlaceImportService.Outcome> placeOutcomeProperty() {
        return placeOutcome.getReadOnlyProperty();
    }

    /** The outcome of the last base map import, or null. */
    public ReadOnlyObjectProperty<OsmBaseMapImport.Outcome> baseMapOutcomeProperty() {
        return baseMapOutcome.getReadOnlyProperty();
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
        ImportChoice c = choice.get();
        if (c.isPlace()) {
            runPlaces(new PlaceImportService.Request(c.place(), datum.get(), actor, dryRun.get()), path);
        } else if (c.isBaseMap()) {
            runBaseMap(path);
        } else {
            run(new GeoImportService.Request(layer.get(), datum.get(), replace.get(), actor), path, null);
        }
    }

    /** Clears what the last run showed and starts a job. */
    private Job start(Path path) {
        file.set(path);
        outcome.set(null);
        placeOutcome.set(null);
        baseMapOutcome.set(null);
        failure.set(null);
        cancelled.set(false);
        repairs.clear();
        waitingRequest = null;
        waitingContent = null;
        running.set(true);
        Job j = tasks.job("geoImport");
        job.set(j);
        return j;
    }

    private void failed(Exception e) {
        running.set(false);
        if (e instanceof JobCancelled) {
            cancelled.set(true);
        } else {
            failure.set(Failures.text(e));
        }
    }

    private void runPlaces(PlaceImportService.Request request, Path path) {
        Job j = start(path);
        String fileName = path.getFileName().toString();
        tasks.runJob(j, () -> {
            j.checkpoint();
            byte[] bytes = PlaceImportService.LIMIT.read(path);
            j.cancellable(false); // one transaction from here: the whole list or nothing
            return placeImporter.importContent(request, fileName, bytes);
        }, result -> {
            running.set(false);
            placeOutcome.set(result);
        }, this::failed);
    }

    private void runBaseMap(Path path) {
        Job j = start(path);
        tasks.runJob(j, () -> {
            j.checkpoint();
            return baseMapImporter.importFile(path, actor, j);
        }, result -> {
            running.set(false);
            baseMapOutcome.set(result);
        }, this::failed);
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
        Job j = start(path);
        String fileName = path.getFileName().toString();
        tasks.runJob(j, () -> {
            j.checkpoint();
            // Refused by its size before it is read; a .shp comes with the files beside it, bundled as one zip.
            byte[] bytes = content != null ? content : GeoImportService.readFile(request.layer(), path);
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
        }, this::failed);
    }
}
