package org.commandroom.core.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.commandroom.core.search.FeatureKind;
import org.commandroom.core.search.SearchHit;
import org.commandroom.core.search.SearchSource;

/**
 * The gazetteer as a source of the map's search box: addresses given in earlier calls, streets, police offices and
 * deployment points, as hits of kind {@link FeatureKind#ADDRESS} (key places and communities are found by the
 * feature index already, so they are left out here). In memory; nothing is found until the gazetteer is loaded.
 */
public final class GazetteerSearchSource implements SearchSource {

    private final GazetteerService gazetteer;

    public GazetteerSearchSource(GazetteerService gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    @Override
    public List<SearchHit> search(String query, int limit) {
        if (query == null || query.isBlank() || !gazetteer.isLoaded()) {
            return List.of();
        }
        String q = SearchHit.normalise(query);
        List<SearchHit> out = new ArrayList<>();
        // asked for more, as the kinds the feature index holds are dropped
        for (Place p : gazetteer.search(query, limit * 2)) {
            if (p.kind() == PlaceKind.KEY_PLACE || p.kind() == PlaceKind.COMMUNITY) {
                continue;
            }
            SearchHit.Match match = SearchHit.matchOf(p.name(), q);
            out.add(new SearchHit(FeatureKind.ADDRESS, p.kind() + ":" + p.name(), p.name(), "", p.kind().name(), p.position(),
                    match == null ? SearchHit.Match.CONTAINS : match));
            if (out.size() == limit) {
                break;
            }
        }
        return out;
    }
}
