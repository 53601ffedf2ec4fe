package org.commandroom.app.ui.map;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.jobs.JobBar;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.io.ImportLayer;
import org.commandroom.core.geo.io.ImportOutcome;
import org.commandroom.core.geo.io.GeometryRepair;
import org.commandroom.core.geo.MapLayers;
import org.commandroom.core.geo.io.PlaceImportService;
import org.commandroom.core.geo.osm.OsmBaseMapImport;

/**
 * "导入…": a window to import one file: the layer (GeoJSON boundaries of the district, station areas, streets,
 * communities, micro-grids, police grids or patrol zones, the camera CSV, a list of key places, police offices or
 * deployment points, or an OpenStreetMap extract for the base map), the file's datum and whether to
 * replace the layer (or, for places, only check); then a file chooser, and the outcome in the same window: what was imported, or
 * every problem of the rejected file (feature or line, and why) and that nothing was imported.
 *
 * <p>Boundaries repaired on reading are listed apart, one line each ({@link RepairText}: feature, what was wrong and
 * where, area before → after and the change in %). A file that imports only repaired writes nothing at first; the
 * button 接受修复并导入 imports it again with the repairs accepted.
 */
public final class GeoImportDialog {

    /** Asks for the file; a native chooser in the console, a fixed path in tests. */
    @FunctionalInterface
    public interface FileSource {
        Optional<Path> choose(Window owner, ImportChoice choice);
    }

    /** The summary while a file waits for the user to accept its repairs. */
    private static final javafx.css.PseudoClass CONSENT = javafx.css.PseudoClass.getPseudoClass("consent");

    private final GeoImportViewModel vm;
    private final I18n i18n;
    private final FileSource files;
    private final Stage stage = new Stage();
    private final Label summary = new Label();
    private final Label note = new Label();
    private final ListView<String> problems = new ListView<>();
    private final Label repairsTitle = new Label();
    private final ListView<String> repairs = new ListView<>();

    public GeoImportDialog(GeoImportViewModel vm, I18n i18n, FileSource files, Window owner) {
        this.vm = vm;
        this.i18n = i18n;
        this.files = files;
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(i18n.tr("import.title"));
        Scene scene = new Scene(content(), 820, 600);
        Theme.style(scene);
        stage.setScene(scene);
    }

    /** The console's chooser: GeoJSON for boundary layers, CSV for cameras, either for places, .osm.pbf for the base map. */
    public static FileSource nativeChooser(I18n i18n) {
        return (owner, choice) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(org.commandroom.app.ui.common.FileLimits.title(i18n, i18n.tr("import.chooser.title"), limit(choice)));
            if (choice.isPlace()) {
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter(i18n.tr("import.chooser.csv"), "*.csv", "*.txt"),
                        new FileChooser.ExtensionFilter(i18n.tr("import.chooser.geojson"), "*.geojson", "*.json"));
            } else if (choice.isBaseMap()) {
                chooser.getExtensionFilters().add(
                        new FileChooser.ExtensionFilter(i18n.tr("import.chooser.osm"), "*.osm.pbf", "*.pbf"));
            } else if (choice.layer().isAreas()) {
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter(i18n.tr("import.chooser.geojson"), "*.geojson", "*.json"),
                        new FileChooser.ExtensionFilter(i18n.tr("import.chooser.shapefile"), "*.shp", "*.zip"));
            } else {
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.tr("import.chooser.csv"), "*.csv", "*.txt"));
            }
            java.io.File f = chooser.showOpenDialog(owner);
            return Optional.ofNullable(f).map(java.io.File::toPath);
        };
    }

    public void show() {
        if (stage.isShowing()) {
            stage.toFront();
            return;
        }
        org.commandroom.app.ui.common.Windows.show(stage, 820, 600);
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private Parent content() {
        ChoiceBox<ImportChoice> layer = new ChoiceBox<>(FXCollections.observableArrayList(vm.choices()));
        layer.setId("import-layer");
        layer.setConverter(converter(c -> choiceName(i18n, c)));
        layer.valueProperty().bindBidirectional(vm.choiceProperty());
        ChoiceBox<Datum> datum = new ChoiceBox<>(FXCollections.observableArrayList(Datum.values()));
        datum.setId("import-datum");
        datum.setConverter(converter(d -> d == Datum.GCJ02 ? i18n.tr("import.datum.gcj02") : i18n.tr("import.datum.wgs84")));
        datum.valueProperty().bindBidirectional(vm.datumProperty());
        CheckBox replace = new CheckBox(i18n.tr("import.replace"));
        replace.setId("import-replace");
        replace.selectedProperty().bindBidirectional(vm.replaceProperty());
        // Replace is for boundary layers and the camera list; a check without writing for named places.
        replace.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.choiceProperty().get() != null
                && vm.choiceProperty().get().isLayer(), vm.choiceProperty()));
        replace.managedProperty().bind(replace.visibleProperty());
        CheckBox dryRun = new CheckBox(i18n.tr("import.dryRun"));
        dryRun.setId("import-dry-run");
        dryRun.selectedProperty().bindBidirectional(vm.dryRunProperty());
        dryRun.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.choiceProperty().get() != null
                && vm.choiceProperty().get().isPlace(), vm.choiceProperty()));
        dryRun.managedProperty().bind(dryRun.visibleProperty());
        // A base map extract is in WGS-84 by definition.
        datum.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.choiceProperty().get() != null
                && vm.choiceProperty().get().isBaseMap(), vm.choiceProperty()));
        Label format = new Label();
        format.setId("import-format");
        format.getStyleClass().add("import-format");
        format.textProperty().bind(Bindings.createStringBinding(() -> formatText(vm.choiceProperty().get()),
                vm.choiceProperty()));

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        Label layerLabel = new Label(i18n.tr("import.layer"));
        Label datumLabel = new Label(i18n.tr("import.datum"));
        // The labels keep their words; the long line on the formats wraps instead of squeezing them to "...".
        layerLabel.setMinWidth(Region.USE_PREF_SIZE);
        datumLabel.setMinWidth(Region.USE_PREF_SIZE);
        format.setWrapText(true);
        form.addRow(0, layerLabel, layer);
        form.addRow(1, datumLabel, datum);
        form.add(new HBox(16, replace, dryRun), 1, 2);
        form.add(format, 1, 3);

        Button choose = new Button(i18n.tr("import.choose"));
        choose.setId("import-choose");
        choose.setDefaultButton(true);
        choose.disableProperty().bind(vm.runningProperty());
        choose.setOnAction(e -> files.choose(stage, vm.choiceProperty().get()).ifPresent(vm::importFile));
        Button close = new Button(i18n.tr("import.close"));
        close.setId("import-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        JobBar progress = new JobBar(i18n, "import-job");
        vm.jobProperty().addListener((o, was, j) -> {
            if (j != null) {
                progress.show(j, i18n.tr("import.job", vm.fileProperty().get() == null ? ""
                        : vm.fileProperty().get().getFileName()));
            }
        });
        HBox buttons = new HBox(10, choose, close, progress.root());
        buttons.setAlignment(Pos.CENTER_LEFT);

        summary.setId("import-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("import-summary");
        note.setId("import-note");
        note.setWrapText(true);
        note.getStyleClass().addAll("import-note", "danger");
        problems.setId("import-problems");
        problems.setPlaceholder(new Label(""));
        VBox.setVgrow(problems, Priority.ALWAYS);
        vm.outcomeProperty().addListener((o, was, is) -> showOutcome(is));
        vm.placeOutcomeProperty().addListener((o, was, is) -> showPlaces(is));
        vm.baseMapOutcomeProperty().addListener((o, was, is) -> showBaseMap(is));
        vm.failureProperty().addListener((o, was, is) -> {
            if (is != null) {
                summary.setText(i18n.tr("import.failed", is));
                note.setText(i18n.tr("import.nothingImported"));
                problems.getItems().clear();
                repairs.getItems().clear();
            }
        });
        vm.cancelledProperty().addListener((o, was, is) -> {
            if (is) {
                summary.setText(i18n.tr("import.cancelled", vm.fileProperty().get().getFileName()));
                note.setText("");
                problems.getItems().clear();
                repairs.getItems().clear();
            }
        });
        vm.runningProperty().addListener((o, was, is) -> {
            if (is) {
                summary.setText(i18n.tr("import.running", vm.fileProperty().get().getFileName()));
                note.setText("");
                problems.getItems().clear();
                repairs.getItems().clear();
            }
        });
        problems.visibleProperty().bind(Bindings.isNotEmpty(problems.getItems()));
        problems.managedProperty().bind(problems.visibleProperty());

        repairsTitle.setId("import-repairs-title");
        repairsTitle.getStyleClass().add("import-repairs-title");
        repairs.setId("import-repairs");
        repairs.setPlaceholder(new Label(""));
        repairs.setPrefHeight(170);
        repairs.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        VBox.setVgrow(repairs, Priority.ALWAYS);
        Button accept = new Button(i18n.tr("import.repairs.accept"));
        accept.setId("import-accept-repairs");
        accept.visibleProperty().bind(vm.canAcceptRepairsProperty());
        accept.managedProperty().bind(accept.visibleProperty());
        accept.setOnAction(e -> vm.acceptRepairsAndImport());
        VBox repairBox = new VBox(6, repairsTitle, repairs, accept);
        repairBox.setId("import-repair-box");
        repairBox.visibleProperty().bind(Bindings.isNotEmpty(repairs.getItems()));
        repairBox.managedProperty().bind(repairBox.visibleProperty());
        VBox.setVgrow(repairBox, Priority.ALWAYS);

        // Lists keep room for a few lines; below that the window's content scrolls rather than being cut off.
        problems.setMinHeight(120);
        repairs.setMinHeight(120);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        note.setMinHeight(Region.USE_PREF_SIZE);
        repairsTitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox root = new VBox(12, form, buttons, summary, problems, repairBox, note);
        root.setPadding(new Insets(16));
        root.getStyleClass().add("import-dialog");
        ScrollPane scroll = new ScrollPane(root);
        scroll.setId("import-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private String formatText(ImportChoice c) {
        return org.commandroom.app.ui.common.FileLimits.title(i18n, format(c), limit(c));
    }

    private String format(ImportChoice c) {
        if (c == null || (c.isLayer() && c.layer().isAreas())) {
            return i18n.tr("import.format.geojson");
        }
        if (c.isPlace()) {
            return i18n.tr(c.place() == org.commandroom.core.geo.io.PlaceKind.KEY_PLACE ? "import.format.keyPlaces"
                    : "import.format.places");
        }
        return c.isBaseMap() ? i18n.tr("import.format.baseMap") : i18n.tr("import.format.csv");
    }

    /** The limit of what the choice opens, said before a file is chosen (core refuses a larger one unread). */
    static org.commandroom.core.text.Text limit(ImportChoice c) {
        if (c == null || c.isLayer()) {
            return org.commandroom.core.geo.io.GeoImportService.statedLimit(
                    c == null ? org.commandroom.core.geo.io.ImportLayer.STREETS : c.layer());
        }
        return c.isPlace() ? org.commandroom.core.geo.io.PlaceImportService.LIMIT.stated()
                : org.commandroom.core.geo.osm.OsmBaseMapImport.LIMIT.stated();
    }

    private void setRejected(boolean rejected) {
        summary.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("rejected"), rejected);
        summary.pseudoClassStateChanged(CONSENT, false);
        if (rejected && !note.getStyleClass().contains("danger")) {
            note.getStyleClass().add("danger");
        } else if (!rejected) {
            note.getStyleClass().remove("danger");
        }
    }

    /** A named-place list's outcome: the counts (or what a check would write), or every problem; then the read notes. */
    private void showPlaces(PlaceImportService.Outcome o) {
        if (o == null) {
            return;
        }
        repairs.getItems().clear();
        repairsTitle.setText("");
        String kind = choiceName(i18n, ImportChoice.of(o.kind()));
        if (o.accepted()) {
            summary.setText(i18n.tr(o.dryRun() ? "import.places.checked" : "import.places.imported", o.fileName(), kind,
                    o.inserted(), o.updated(), o.unchanged()));
            setRejected(false);
            problems.getItems().clear();
            note.setText(i18n.tr(o.dryRun() ? "import.places.nothingWritten" : "import.reloading"));
        } else {
            summary.setText(i18n.tr("import.rejected", o.fileName(), kind, o.problems().size()));
            setRejected(true);
            problems.getItems().setAll(o.problems().stream().map(p -> p.message(i18n.locale())).toList());
            note.setText(i18n.tr("import.nothingImported"));
        }
        if (!o.notes().isEmpty()) {
            note.setText(note.getText() + "\n" + String.join("\n",
                    o.notes().stream().map(n -> i18n.tr("import.readNote", n.in(i18n.locale()))).toList()));
        }
    }

    /** The base map's outcome: what was kept of the extract, or why it was refused (the old base map stays). */
    private void showBaseMap(OsmBaseMapImport.Outcome o) {
        if (o == null) {
            return;
        }
        repairs.getItems().clear();
        repairsTitle.setText("");
        problems.getItems().clear();
        if (o instanceof OsmBaseMapImport.Imported i) {
            summary.setText(i18n.tr("import.baseMap.imported", i.fileName(), i.count(MapLayers.BaseKind.ROAD_MAJOR),
                    i.count(MapLayers.BaseKind.ROAD_MINOR), i.count(MapLayers.BaseKind.WATER),
                    i.count(MapLayers.BaseKind.PLACE), String.format(i18n.locale(), "%.1f", i.areaKm2()),
                    i18n.tr(i.cutToFile() ? "import.baseMap.cutToFile" : "import.baseMap.cutToDistrict")));
            setRejected(false);
            note.setText(i18n.tr("import.reloading"));
        } else if (o instanceof OsmBaseMapImport.Rejected r) {
            summary.setText(i18n.tr("import.baseMap.rejected", r.fileName(), r.problem().in(i18n.locale())));
            setRejected(true);
            note.setText(i18n.tr("import.baseMap.kept"));
        }
    }

    private void showOutcome(ImportOutcome outcome) {
        if (outcome == null) {
            return;
        }
        String layer = layerName(i18n, outcome.layer());
        showRepairs(outcome);
        summary.pseudoClassStateChanged(CONSENT, outcome instanceof ImportOutcome.NeedsRepairConsent);
        if (outcome instanceof ImportOutcome.Imported ok) {
            StringBuilder b = new StringBuilder(i18n.tr("import.imported", outcome.fileName(), layer, ok.inserted()));
            if (ok.removed() > 0) {
                b.append(' ').append(i18n.tr("import.replaced", ok.removed()));
            }
            if (outcome.layer().affectsGridMatching()) {
                b.append(' ').append(i18n.tr("import.matches", ok.gridMatches()));
            }
            if (ok.withoutStation() > 0) {
                b.append(' ').append(i18n.tr("import.withoutStation", ok.withoutStation()));
            }
            if (!ok.repairs().isEmpty()) {
                b.append(' ').append(i18n.tr("import.repairs.written", ok.repairs().size()));
            }
            summary.setText(b.toString());
            summary.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("rejected"), false);
            note.setText(i18n.tr("import.reloading"));
            note.getStyleClass().remove("danger");
            problems.getItems().clear();
        } else if (outcome instanceof ImportOutcome.Rejected bad) {
            summary.setText(i18n.tr("import.rejected", outcome.fileName(), layer, bad.problems().size()));
            summary.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("rejected"), true);
            List<String> lines = bad.problems().stream().map(p -> p.message(i18n.locale())).toList();
            problems.getItems().setAll(lines);
            note.setText(i18n.tr("import.nothingImported"));
            if (!note.getStyleClass().contains("danger")) {
                note.getStyleClass().add("danger");
            }
        } else if (outcome instanceof ImportOutcome.NeedsRepairConsent ask) {
            summary.setText(i18n.tr("import.repairs.consent", outcome.fileName(), ask.repairs().size()));
            summary.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("rejected"), false);
            problems.getItems().clear();
            note.setText(i18n.tr("import.repairs.waiting"));
            if (!note.getStyleClass().contains("danger")) {
                note.getStyleClass().add("danger");
            }
        }
        // How the file was read (a shapefile's encoding and .prj, the fields used), under the note; not among the problems.
        if (!outcome.notes().isEmpty()) {
            note.setText(note.getText() + "\n" + String.join("\n",
                    outcome.noteTexts().stream().map(n -> i18n.tr("import.readNote", n.in(i18n.locale()))).toList()));
        }
    }

    /** The repairs of the outcome, one line each, under a heading that says what became of them. */
    private void showRepairs(ImportOutcome outcome) {
        List<GeometryRepair> list = outcome.repairs();
        RepairText text = new RepairText(i18n);
        repairs.getItems().setAll(list.stream().map(text::line).toList());
        String heading = outcome instanceof ImportOutcome.Imported ? "import.repairs.heading.written"
                : outcome instanceof ImportOutcome.Rejected ? "import.repairs.heading.rejected"
                : "import.repairs.heading.consent";
        repairsTitle.setText(list.isEmpty() ? "" : i18n.tr(heading, list.size()));
    }

    /** A choice's name in the window's list. */
    public static String choiceName(I18n i18n, ImportChoice choice) {
        return switch (choice) {
            case KEY_PLACES -> i18n.tr("import.layer.keyPlaces");
            case POLICE_OFFICES -> i18n.tr("import.layer.policeOffices");
            case DEPLOYMENT_POINTS -> i18n.tr("import.layer.deploymentPoints");
            case BASE_MAP -> i18n.tr("import.layer.baseMap");
            default -> layerName(i18n, choice.layer());
        };
    }

    /** The layer's name on the import screen. */
    public static String layerName(I18n i18n, ImportLayer layer) {
        return switch (layer) {
            case STREETS -> i18n.tr("import.layer.streets");
            case COMMUNITIES -> i18n.tr("import.layer.communities");
            case MICRO_GRIDS -> i18n.tr("import.layer.microGrids");
            case POLICE_GRIDS -> i18n.tr("import.layer.policeGrids");
            case PATROL_ZONES -> i18n.tr("import.layer.patrolZones");
            case DISTRICT -> i18n.tr("import.layer.district");
            case STATION_AREAS -> i18n.tr("import.layer.stationAreas");
            case CAMERAS -> i18n.tr("import.layer.cameras");
        };
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
