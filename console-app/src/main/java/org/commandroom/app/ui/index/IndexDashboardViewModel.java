package org.commandroom.app.ui.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.index.IndexDefinition;
import org.commandroom.core.index.IndexDefinitions;
import org.commandroom.core.index.IndexRanking;
import org.commandroom.core.index.IndexTrace;
import org.commandroom.core.index.IndicatorDef;
import org.commandroom.core.index.IndicatorResult;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.Scope;
import org.commandroom.core.index.ScopeResult;
import org.commandroom.core.index.StationFacts;

/**
 * The prevention index dashboard: a station and a period chosen; the stored index and its seven
 * capabilities for the gauges; the ranking of the station's kind; and the drill-down from a capability
 * to its indicators and from an indicator to the records behind it. All reads run on the I/O executor.
 */
public final class IndexDashboardViewModel {

    /** One indicator as the drill-down table shows it. */
    public record IndicatorRow(String id, String name, String unit, Double raw, Double points, boolean manual) {
    }

    private final IndexTrace trace;
    private final IndexRanking ranking;
    private final IndexDefinitions definitions;
    private final Tasks tasks;

    private final ObservableList<StationFacts> stations = FXCollections.observableArrayList();
    private final ObjectProperty<StationFacts> station = new SimpleObjectProperty<>(this, "station");
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period");
    private final ReadOnlyObjectWrapper<ScopeResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<IndexRanking.RankRow> rankingRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper capability = new ReadOnlyStringWrapper(this, "capability");
    private final ObservableList<IndicatorRow> indicators = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<IndexTrace.Trace> selectedTrace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    public IndexDashboardViewModel(IndexTrace trace, IndexRanking ranking, IndexDefinitions definitions, Tasks tasks) {
        this.trace = trace;
        this.ranking = ranking;
        this.definitions = definitions;
        this.tasks = tasks;
    }

    /** Loads the station list, then the first station's scores for the period. */
    public void activate(Period initial) {
        period.set(initial);
        tasks.run(trace::stations, list -> {
            stations.setAll(list);
            if (station.get() == null && !list.isEmpty()) {
                station.set(list.get(0));
            }
            reload();
        }, this::failed);
    }

    /** Reads the chosen station's stored index and the ranking of its kind for the chosen period. */
    public void reload() {
        StationFacts s = station.get();
        Period p = period.get();
        if (s == null || p == null) {
            return;
        }
        record Loaded(Optional<ScopeResult> result, List<IndexRanking.RankRow> ranking) {
        }
        tasks.run(() -> new Loaded(trace.result(Scope.of(s), p), ranking.rank(p, s.scopeKind(), "INDEX")), loaded -> {
            result.set(loaded.result().orElse(null));
            rankingRows.setAll(loaded.ranking());
            problem.set(loaded.result().isEmpty() ? "notComputed" : null);
            selectCapability(capability.get());
        }, this::failed);
    }

    /** Shows the indicators of a capability (null: all 41) from the loaded result. */
    public void selectCapability(String code) {
        capability.set(code);
        selectedTrace.set(null);
        ScopeResult r = result.get();
        if (r == null) {
            indicators.clear();
            return;
        }
        IndexDefinition def = definitions.current();
        List<IndicatorRow> rows = new ArrayList<>();
        for (IndicatorResult i : r.indicators()) {
            Optional<IndicatorDef> d = def.indicator(i.id());
            if (d.isEmpty() || (code != null && !d.get().capability().equals(code))) {
                continue;
            }
            rows.add(new IndicatorRow(i.id(), d.get().nameZh(), d.get().unit(), i.raw(), i.points(), d.get().isManual()));
        }
        indicators.setAll(rows);
    }

    /** Traces an indicator of the chosen station and period to its formula and records. */
    public void selectIndicator(String id) {
        StationFacts s = station.get();
        Period p = period.get();
        if (s == null || p == null || id == null) {
            selectedTrace.set(null);
            return;
        }
        tasks.run(() -> trace.trace(s.id(), p, id), selectedTrace::set, this::failed);
    }

    /** The capability's score in the loaded result, or the index for {@code null}. */
    public Double score(String code) {
        ScopeResult r = result.get();
        if (r == null) {
            return null;
        }
        if (code == null) {
            return r.index();
        }
        Map<String, Double> caps = r.capabilities();
        return caps.get(code);
    }

    private void failed(Exception e) {
        problem.set(Tasks.rootMessage(e));
    }

    public ObservableList<StationFacts> stations() {
        return stations;
    }

    public ObjectProperty<StationFacts> stationProperty() {
        return station;
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ReadOnlyObjectProperty<ScopeResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<IndexRanking.RankRow> ranking() {
        return rankingRows;
    }

    public ReadOnlyStringProperty capabilityProperty() {
        return capability.getReadOnlyProperty();
    }

    public ObservableList<IndicatorRow> indicators() {
        return indicators;
    }

    public ReadOnlyObjectProperty<IndexTrace.Trace> traceProperty() {
        return selectedTrace.getReadOnlyProperty();
    }

    /** "notComputed" when the period has no stored scores, an error message, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public IndexDefinitions definitions() {
        return definitions;
    }
}
