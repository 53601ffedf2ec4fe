package org.commandroom.app.ui.prevention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.workhours.WorkHours;
import org.commandroom.core.workhours.WorkKind;
import org.commandroom.core.workhours.WorkTime;

/**
 * The work-hours tab's state (警务工时, docs/PREVENTION.md): every officer's and unit's hours per day, ISO week or month
 * over a span of days, read by core off the FX thread (which checks the reader may), with one line per station and
 * period adding up its officers (units are not added: their crews' hours are the officers'). A station chosen shows
 * only its lines.
 */
public final class WorkHoursViewModel {

    /** The longest span read at once (a year of days is 366 lines per worker). */
    static final int MAX_DAYS = 366;

    /** One line of the table: a worker's (or a station's officers', {@code worker} null) hours in one period. */
    public record Line(String station, WorkHours.Worker worker, LocalDate period, Map<WorkKind, Long> seconds,
                       long inCommunity) {
        public long total() {
            return seconds.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Supplier<WorkHours> service;
    private final Tasks tasks;
    private final I18n i18n;
    private final ObjectProperty<WorkTime.Granularity> granularity = new SimpleObjectProperty<>(this, "granularity",
            WorkTime.Granularity.DAY);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObjectProperty<String> station = new SimpleObjectProperty<>(this, "station");
    private final ObservableList<String> stations = FXCollections.observableArrayList();
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private List<Line> all = List.of();

    public WorkHoursViewModel(Supplier<WorkHours> service, Tasks tasks, I18n i18n, LocalDate today) {
        this.service = service;
        this.tasks = tasks;
        this.i18n = i18n;
        from.set(today.withDayOfMonth(1));
        to.set(today);
        station.addListener((o, was, is) -> filter());
    }

    /** Reads the span chosen (from and to included) by the granularity chosen. */
    public void load() {
        LocalDate a = from.get();
        LocalDate b = to.get();
        if (a == null || b == null || b.isBefore(a)) {
            message.set(i18n.tr("prevention.workhours.badSpan"));
            return;
        }
        if (a.plusDays(MAX_DAYS).isBefore(b)) {
            message.set(i18n.tr("prevention.workhours.tooLong", MAX_DAYS));
            return;
        }
        WorkTime.Granularity g = granularity.get();
        busy.set(true);
        message.set("");
        tasks.run(() -> lines(service.get().report(null, a, b.plusDays(1), g)), read -> {
            busy.set(false);
            all = read;
            List<String> names = read.stream().map(Line::station).distinct().toList();
            String keep = station.get();
            stations.setAll(names);
            filter();
            if (keep != null && !names.contains(keep)) {
                station.set(null);
            }
            message.set(read.isEmpty() ? i18n.tr("prevention.workhours.none") : "");
        }, e -> {
            busy.set(false);
            all = List.of();
            lines.clear();
            message.set(Failures.text(e, i18n));
        });
    }

    /** The rows as lines, each station's officers added up per period before its workers. */
    static List<Line> lines(List<WorkHours.Row> rows) {
        Map<String, Map<LocalDate, Line>> totals = new LinkedHashMap<>();
        Map<String, List<Line>> workers = new LinkedHashMap<>();
        for (WorkHours.Row r : rows) {
            String st = r.worker().stationName();
            Map<WorkKind, Long> s = new EnumMap<>(WorkKind.class);
            s.putAll(r.totals().byKind());
            workers.computeIfAbsent(st, k -> new ArrayList<>()).add(new Line(st, r.worker(), r.period(), s, r.totals().inCommunity()));
            if (r.worker().type() == WorkHours.Worker.Type.OFFICER) {
                Line t = totals.computeIfAbsent(st, k -> new java.util.TreeMap<>())
                        .computeIfAbsent(r.period(), p -> new Line(st, null, p, new EnumMap<>(WorkKind.class), 0));
                s.forEach((k, v) -> t.seconds().merge(k, v, Long::sum));
                totals.get(st).put(r.period(), new Line(st, null, r.period(), t.seconds(), t.inCommunity() + r.totals().inCommunity()));
            } else {
                totals.computeIfAbsent(st, k -> new java.util.TreeMap<>());
            }
        }
        List<Line> out = new ArrayList<>();
        workers.forEach((st, list) -> {
            out.addAll(totals.getOrDefault(st, Map.of()).values());
            out.addAll(list);
        });
        return out;
    }

    private void filter() {
        String s = station.get();
        lines.setAll(s == null ? all : all.stream().filter(l -> Objects.equals(l.station(), s)).toList());
    }

    public ObjectProperty<WorkTime.Granularity> granularityProperty() {
        return granularity;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The station whose lines are shown; null: all. */
    public ObjectProperty<String> stationProperty() {
        return station;
    }

    public ObservableList<String> stations() {
        return stations;
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
