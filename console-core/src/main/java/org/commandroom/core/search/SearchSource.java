package org.commandroom.core.search;

import java.util.List;

/**
 * Something the map's search box looks in: the console's own features ({@link FeatureIndex}) and,
 * later, an address gazetteer (hits of kind {@link FeatureKind#ADDRESS}). Called off the FX thread,
 * possibly while the source is being refreshed: implementations must be thread-safe and quick (an
 * in-memory index, never a database round trip per keystroke).
 */
public interface SearchSource {

    /** At most {@code limit} hits for the query, best first; empty for a blank query. */
    List<SearchHit> search(String query, int limit);
}
