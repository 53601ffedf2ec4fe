package org.commandroom.app.ui.search;

import java.util.List;
import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.search.FeatureSearch;
import org.commandroom.core.search.SearchHit;

/**
 * The map's search box: the query, its results (searched on the I/O executor, an answer to an older
 * query being dropped), and the hit the commander chose, which the map flies to.
 */
public final class SearchViewModel {

    /** Results shown at most. */
    public static final int LIMIT = 20;

    private final FeatureSearch search;
    private final Tasks tasks;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<SearchHit> results = FXCollections.observableArrayList();
    private final ObservableList<SearchHit> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching", false);
    private final ObjectProperty<SearchHit> chosen = new SimpleObjectProperty<>(this, "chosen");
    private long asked;

    public SearchViewModel(FeatureSearch search, Tasks tasks) {
        this.search = Objects.requireNonNull(search, "search");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        query.addListener((o, was, is) -> run(is));
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** Hits for the current query, best first. */
    public ObservableList<SearchHit> results() {
        return readOnlyResults;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** The hit chosen last (Enter or a click); the map follows it. */
    public ObjectProperty<SearchHit> chosenProperty() {
        return chosen;
    }

    /** Chooses a hit (the best one when null and there are results). */
    public void choose(SearchHit hit) {
        SearchHit h = hit != null ? hit : results.isEmpty() ? null : results.get(0);
        if (h != null) {
            chosen.set(null);
            chosen.set(h);
        }
    }

    /** Searches again for the current query (after the index changed). */
    public void refresh() {
        run(query.get());
    }

    private void run(String q) {
        long ticket = ++asked;
        if (q == null || q.isBlank()) {
            results.clear();
            searching.set(false);
            return;
        }
        searching.set(true);
        tasks.run(() -> search.search(q, LIMIT), hits -> show(ticket, hits), e -> show(ticket, List.of()));
    }

    private void show(long ticket, List<SearchHit> hits) {
        if (ticket == asked) {
            searching.set(false);
            results.setAll(hits);
        }
    }
}
