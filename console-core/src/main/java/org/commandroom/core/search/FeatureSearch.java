package org.commandroom.core.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The map's search: asks every {@link SearchSource} and merges their hits, exact matches first, then
 * prefix matches, then the rest; within a match kind in {@link FeatureKind} order, shorter titles
 * first. Thread-safe; a source can be added at any time (an address gazetteer, once it exists).
 */
public final class FeatureSearch {

    private static final Comparator<SearchHit> ORDER = Comparator.comparing(SearchHit::match)
            .thenComparing(SearchHit::kind)
            .thenComparingInt(h -> h.title().length())
            .thenComparing(SearchHit::title);

    private final List<SearchSource> sources = new CopyOnWriteArrayList<>();

    public FeatureSearch(List<? extends SearchSource> sources) {
        this.sources.addAll(sources);
    }

    public void addSource(SearchSource source) {
        sources.add(source);
    }

    /** The best {@code limit} hits of all sources. */
    public List<SearchHit> search(String query, int limit) {
        if (query == null || query.isBlank() || limit <= 0) {
            return List.of();
        }
        List<SearchHit> all = new ArrayList<>();
        for (SearchSource s : sources) {
            all.addAll(s.search(query, limit));
        }
        all.sort(ORDER);
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
}
