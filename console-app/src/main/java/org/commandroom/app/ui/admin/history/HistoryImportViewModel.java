package org.commandroom.app.ui.admin.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.history.HistoryField;
import org.commandroom.core.history.HistoryImportResult;
import org.commandroom.core.history.HistoryImportService;
import org.commandroom.core.history.HistoryMapping;
import org.commandroom.core.history.HistoryProblem;
import org.commandroom.core.history.HistoryTable;
import org.commandroom.core.history.TimeFormat;
import org.commandroom.core.incident.IncidentType;

/**
 * The history import page (历史警情): choose a file and name its source; the page reads it off the FX thread and
 * shows a mapping (the source's saved one where it fits, the rest proposed from the headers and values) as tables the
 * user edits: field ← column with sample values and the time format, the zone, the priority table and the type table
 * with the "other" type. <b>Check</b> runs the core's dry run and lists every bad cell; <b>import</b> is offered only
 * after a clean check of the mapping as it stands (any edit asks for a new check) and shows its progress. Every call
 * to the database runs on {@link Tasks}; refusals and failures are one line in the user's words.
 */
public final class HistoryImportViewModel {

    /** How the last outcome reads. */
    public enum Tone { INFO, SUCCESS, ERROR }

    /** One field of the console and the column that fills it, with the column's first values. */
    public final class FieldRow {
        private final HistoryField field;
        private final ObjectProperty<String> column = new SimpleObjectProperty<>(this, "column");
        private final ObjectProperty<TimeFormat> format = new SimpleObjectProperty<>(this, "format");
        private final ReadOnlyStringWrapper samples = new ReadOnlyStringWrapper(this, "samples", "");

        FieldRow(HistoryField field) {
            this.field = field;
            column.addListener((o, was, is) -> columnChanged(this));
            format.addListener((o, was, is) -> edited());
        }

        public HistoryField field() {
            return field;
        }

        public String label() {
            return i18n.label(field) + (field.required() ? " *" : "");
        }

        /** The column's header, or null (not mapped). */
        public ObjectProperty<String> columnProperty() {
            return column;
        }

        /** The time format (time fields only). */
        public ObjectProperty<TimeFormat> formatProperty() {
            return format;
        }

        public ReadOnlyStringProperty samplesProperty() {
            return samples.getReadOnlyProperty();
        }
    }

    /** A foreign value (a priority or a call type) with its row count and what it maps onto (null: not mapped). */
    public static final class ValueRow<T> {
        private final String value;
        private final int rows;
        private final ObjectProperty<T> target = new SimpleObjectProperty<>(this, "target");

        ValueRow(String value, int rows, T target) {
            this.value = value;
            this.rows = rows;
            this.target.set(target);
        }

        public String value() {
            return value;
        }

        public int rows() {
            return rows;
        }

        public ObjectProperty<T> targetProperty() {
            return target;
        }
    }

    /** One problem of the check, as the table shows it. */
    public record ProblemRow(String row, String column, String value, String why) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HistoryImportViewModel.class);

    private final HistoryImportService service;
    private final Tasks tasks;
    private final I18n i18n;
    private final Supplier<String> actor;

    private final StringProperty source = new SimpleStringProperty(this, "source", "");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final StringProperty zone = new SimpleStringProperty(this, "zone", HistoryMapping.DEFAULT_ZONE.getId());
    private final ObjectProperty<Datum> datum = new SimpleObjectProperty<>(this, "datum", Datum.WGS84);
    private final ObjectProperty<IncidentType> otherType = new SimpleObjectProperty<>(this, "otherType");
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<FieldRow> fields = FXCollections.observableArrayList();
    private final ObservableList<ValueRow<Integer>> priorities = FXCollections.observableArrayList();
    private final ObservableList<ValueRow<IncidentType>> types = FXCollections.observableArrayList();
    private final ObservableList<ProblemRow> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper checkedClean = new ReadOnlyBooleanWrapper(this, "checkedClean");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(this, "tone", Tone.INFO);
    private final ReadOnlyObjectWrapper<HistoryImportResult> lastResult = new ReadOnlyObjectWrapper<>(this, "lastResult");
    private final BooleanBinding canLoad;
    private final BooleanBinding canCheck;
    private final BooleanBinding canImport;
    private HistoryTable table;
    /** While a mapping is being shown, its own changes are not the user's edits. */
    private boolean applying;

    public HistoryImportViewModel(HistoryImportService service, Tasks tasks, I18n i18n, Supplier<String> actor) {
        this.service = Objects.requireNonNull(service, "service");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.actor = Objects.requireNonNull(actor, "actor");
        for (HistoryField f : HistoryField.values()) {
            fields.add(new FieldRow(f));
        }
        canLoad = Bindings.createBooleanBinding(() -> file.get() != null && !source.get().isBlank() && !busy.get(),
                file, source, busy);
        canCheck = Bindings.createBooleanBinding(() -> loaded.get() && !busy.get(), loaded, busy);
        canImport = Bindings.createBooleanBinding(() -> checkedClean.get() && !busy.get(), checkedClean, busy);
        zone.addListener((o, was, is) -> edited());
        datum.addListener((o, was, is) -> edited());
        otherType.addListener((o, was, is) -> edited());
        file.addListener((o, was, is) -> forget());
        source.addListener((o, was, is) -> forget());
    }

    // ---- state --------------------------------------------------------------------------------------------------

    public StringProperty sourceProperty() {
        return source;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    public ObjectProperty<Datum> datumProperty() {
        return datum;
    }

    public ObjectProperty<IncidentType> otherTypeProperty() {
        return otherType;
    }

    /** The sources with a saved mapping (refreshed by {@link #refreshSources()}). */
    public ObservableList<String> sources() {
        return sources;
    }

    /** The file's columns. */
    public ObservableList<String> columns() {
        return columns;
    }

    public ObservableList<FieldRow> fields() {
        return fields;
    }

    public ObservableList<ValueRow<Integer>> priorities() {
        return priorities;
    }

    public ObservableList<ValueRow<IncidentType>> types() {
        return types;
    }

    public ObservableList<ProblemRow> problems() {
        return problems;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkedCleanProperty() {
        return checkedClean.getReadOnlyProperty();
    }

    /** 0 to 1 while an import writes. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HistoryImportResult> lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    public BooleanBinding canLoad() {
        return canLoad;
    }

    public BooleanBinding canCheck() {
        return canCheck;
    }

    public BooleanBinding canImport() {
        return canImport;
    }

    /** The row of a field. */
    public FieldRow field(HistoryField f) {
        return fields.get(f.ordinal());
    }

    // ---- actions ------------------------------------------------------------------------------------------------

    /** Reads the saved sources' names, off the FX thread. */
    public void refreshSources() {
        tasks.run(service::sources, sources::setAll, e -> LOG.warn("History sources not read: {}", e.toString()));
    }

    /** Reads the chosen file off the FX thread and shows the mapping for it (saved for the source, else proposed). */
    public void load() {
        Path chosen = file.get();
        String name = source.get().strip();
        if (chosen == null || name.isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        say(i18n.tr("admin.history.reading", chosen.getFileName().toString()), Tone.INFO);
        record Read(HistoryTable table, HistoryMapping mapping, boolean saved) {
        }
        tasks.run(() -> {
            HistoryTable t = service.read(readBytes(chosen), chosen.getFileName().toString());
            boolean saved = service.savedMapping(name).isPresent();
            return new Read(t, service.propose(name, t), saved);
        }, r -> {
            busy.set(false);
            if (!chosen.equals(file.get())) {
                return;
            }
            table = r.table();
            show(r.mapping());
            loaded.set(true);
            say(i18n.tr(r.saved() ? "admin.history.read.saved" : "admin.history.read.proposed",
                    chosen.getFileName().toString(), table.rows().size(), name), Tone.INFO);
        }, e -> {
            busy.set(false);
            if (e instanceof HistoryTable.Unreadable u) {
                say(i18n.tr("admin.history.file.unreadable", chosen.getFileName().toString(),
                        i18n.tr(switch (u.why()) {
                            case EMPTY -> "admin.history.file.why.EMPTY";
                            case TOO_LARGE -> "admin.history.file.why.TOO_LARGE";
                            case TOO_MANY_ROWS -> "admin.history.file.why.TOO_MANY_ROWS";
                            case DUPLICATE_HEADER -> "admin.history.file.why.DUPLICATE_HEADER";
                            case NOT_A_TABLE -> "admin.history.file.why.NOT_A_TABLE";
                        })), Tone.ERROR);
            } else if (e instanceof NoSuchFileException) {
                say(i18n.tr("admin.history.file.missing", chosen.toString()), Tone.ERROR);
            } else {
                failed(e);
            }
        });
    }

    private static byte[] readBytes(Path p) throws IOException, HistoryTable.Unreadable {
        if (Files.size(p) > HistoryTable.MAX_BYTES) {
            throw new HistoryTable.Unreadable(HistoryTable.Unreadable.Why.TOO_LARGE, "too large");
        }
        return Files.readAllBytes(p);
    }

    /** Dry run of the mapping as it stands: every bad cell listed, nothing written. */
    public void check() {
        HistoryMapping m = mapping();
        if (m == null || table == null || busy.get()) {
            return;
        }
        start();
        HistoryTable t = table;
        String who = actor.get();
        tasks.runLong(() -> service.check(t, m, who), r -> {
            busy.set(false);
            lastResult.set(r);
            if (r.accepted()) {
                checkedClean.set(true);
                say(i18n.tr("admin.history.check.clean", r.inserted(), r.alreadyThere(), r.withoutStation()), Tone.SUCCESS);
            } else {
                rejected(r);
            }
        }, this::failed);
    }

    /** Imports what was checked clean, with progress. */
    public void importChecked() {
        HistoryMapping m = mapping();
        if (!checkedClean.get() || m == null || busy.get()) {
            return;
        }
        start();
        HistoryTable t = table;
        String who = actor.get();
        tasks.runLong(() -> service.importHistory(t, m, who,
                (done, total) -> tasks.fx(() -> progress.set(total == 0 ? 1 : (double) done / total))), r -> {
            busy.set(false);
            checkedClean.set(false);
            lastResult.set(r);
            if (r.accepted()) {
                progress.set(1);
                say(i18n.tr("admin.history.import.done", r.inserted(), r.alreadyThere(), r.source()), Tone.SUCCESS);
                refreshSources();
            } else {
                rejected(r);
            }
        }, this::failed);
    }

    // ---- the mapping on screen ----------------------------------------------------------------------------------

    /** The mapping as the page shows it, or null when the zone is not a zone (said to the user). */
    public HistoryMapping mapping() {
        ZoneId z;
        try {
            z = ZoneId.of(zone.get().strip());
        } catch (DateTimeException e) {
            say(i18n.tr("admin.history.zone.invalid", zone.get()), Tone.ERROR);
            return null;
        }
        Map<HistoryField, String> cols = new EnumMap<>(HistoryField.class);
        Map<HistoryField, TimeFormat> formats = new EnumMap<>(HistoryField.class);
        for (FieldRow r : fields) {
            if (r.column.get() != null) {
                cols.put(r.field, r.column.get());
                if (r.field.time() && r.format.get() != null) {
                    formats.put(r.field, r.format.get());
                }
            }
        }
        Map<String, Integer> prio = new LinkedHashMap<>();
        priorities.forEach(v -> {
            if (v.target.get() != null) {
                prio.put(v.value, v.target.get());
            }
        });
        Map<String, IncidentType> ty = new LinkedHashMap<>();
        types.forEach(v -> {
            if (v.target.get() != null) {
                ty.put(v.value, v.target.get());
            }
        });
        return new HistoryMapping(source.get().strip(), cols, formats, z, datum.get(), prio, ty, otherType.get());
    }

    private void show(HistoryMapping m) {
        applying = true;
        try {
            columns.setAll(table.header());
            zone.set(m.zone().getId());
            datum.set(m.datum());
            otherType.set(m.otherType());
            for (FieldRow r : fields) {
                r.column.set(m.column(r.field));
                r.format.set(m.formats().get(r.field));
                r.samples.set(samples(r.column.get()));
            }
            fillPriorities(m.priorities());
            fillTypes(m.types());
        } finally {
            applying = false;
        }
        edited();
    }

    private String samples(String column) {
        return column == null || table == null ? "" : String.join(" | ", table.samples(column, 3));
    }

    private void columnChanged(FieldRow r) {
        r.samples.set(samples(r.column.get()));
        if (applying) {
            return;
        }
        if (r.field.time()) {
            r.format.set(r.column.get() == null ? null : TimeFormat.detect(table, r.column.get(), zoneOrDefault()).format());
        }
        if (r.field == HistoryField.PRIORITY || r.field == HistoryField.TYPE) {
            // the proposal for the new column, keeping what the user set for values it still has
            HistoryMapping now = mapping();
            HistoryMapping proposed = HistoryMapping.propose(source.get(), table, now);
            applying = true;
            try {
                if (r.field == HistoryField.PRIORITY) {
                    fillPriorities(proposed.priorities());
                } else {
                    fillTypes(proposed.types());
                }
            } finally {
                applying = false;
            }
        }
        edited();
    }

    private ZoneId zoneOrDefault() {
        try {
            return ZoneId.of(zone.get().strip());
        } catch (DateTimeException e) {
            return HistoryMapping.DEFAULT_ZONE;
        }
    }

    private void fillPriorities(Map<String, Integer> mapped) {
        List<ValueRow<Integer>> rows = new ArrayList<>();
        String c = field(HistoryField.PRIORITY).column.get();
        if (c != null) {
            table.distinct(c).forEach((v, n) -> rows.add(watched(new ValueRow<>(v, n, mapped.get(v)))));
        }
        rows.sort((a, b) -> {
            boolean na = a.value.matches("\\d{1,9}");
            boolean nb = b.value.matches("\\d{1,9}");
            return na && nb ? Integer.compare(Integer.parseInt(a.value), Integer.parseInt(b.value))
                    : na ? -1 : nb ? 1 : a.value.compareTo(b.value);
        });
        priorities.setAll(rows);
    }

    private void fillTypes(Map<String, IncidentType> mapped) {
        List<ValueRow<IncidentType>> rows = new ArrayList<>();
        String c = field(HistoryField.TYPE).column.get();
        if (c != null) {
            table.distinct(c).forEach((v, n) -> rows.add(watched(new ValueRow<>(v, n, mapped.get(v)))));
        }
        types.setAll(rows);
    }

    private <T> ValueRow<T> watched(ValueRow<T> row) {
        row.target.addListener((o, was, is) -> edited());
        return row;
    }

    /** The mapping changed: what was checked no longer stands. */
    private void edited() {
        if (applying) {
            return;
        }
        checkedClean.set(false);
    }

    private void forget() {
        table = null;
        loaded.set(false);
        checkedClean.set(false);
        problems.clear();
        lastResult.set(null);
        progress.set(0);
    }

    // ---- outcomes -----------------------------------------------------------------------------------------------

    private void start() {
        busy.set(true);
        checkedClean.set(false);
        problems.clear();
        lastResult.set(null);
        progress.set(0);
        say(i18n.tr("admin.history.working"), Tone.INFO);
    }

    private void rejected(HistoryImportResult r) {
        List<ProblemRow> rows = new ArrayList<>();
        for (HistoryProblem p : r.problems()) {
            String column = p.column() == null ? "" : p.row() == 0 && HistoryField.ofKey(p.column()) != null
                    ? i18n.label(HistoryField.ofKey(p.column())) : p.column();
            rows.add(new ProblemRow(p.row() == 0 ? "" : Integer.toString(p.row()), column,
                    p.value() == null ? "" : p.value(), i18n.label(p.why())));
        }
        problems.setAll(rows);
        say(i18n.tr("admin.history.rejected", r.problemCount()), Tone.ERROR);
    }

    private void failed(Exception e) {
        busy.set(false);
        if (isDenied(e)) {
            say(i18n.tr("admin.history.refused"), Tone.ERROR);
        } else {
            LOG.warn("History import failed", e);
            say(i18n.tr("admin.history.failed", Failures.text(e, i18n)), Tone.ERROR);
        }
    }

    private static boolean isDenied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AccessDenied) {
                return true;
            }
        }
        return false;
    }

    private void say(String text, Tone t) {
        message.set(text);
        tone.set(t);
    }
}
