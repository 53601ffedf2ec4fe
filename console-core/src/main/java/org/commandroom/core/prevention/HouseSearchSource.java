package org.commandroom.core.prevention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.commandroom.core.intake.AddressText;
import org.commandroom.core.search.FeatureKind;
import org.commandroom.core.search.SearchHit;
import org.commandroom.core.search.SearchSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The house register as a source of the map's search box: every placed, active house by its address, house number
 * and name, as a hit of kind {@link FeatureKind#ADDRESS} whose tag is the house's kind ({@link HouseKind} name) and
 * whose detail is its stars (★). Read into memory by {@link #load()} (off the FX thread); nothing is found before.
 * Every word of the query must occur in the folded address, number and name; exact matches first, then prefixes.
 */
public final class HouseSearchSource implements SearchSource {

    private record Entry(House house, String key) {
    }

    private final Jdbi jdbi;
    private volatile List<Entry> entries = List.of();

    public HouseSearchSource(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi);
    }

    /** Reads the register (blocking). */
    public void load() {
        List<House> houses = jdbi.withHandle(h -> h.createQuery(HouseRegister.SELECT
                + " WHERE active = TRUE AND lat IS NOT NULL ORDER BY natural_key").map(new HouseRegister.HouseMapper()).list());
        List<Entry> list = new ArrayList<>(houses.size());
        for (House house : houses) {
            list.add(new Entry(house, AddressText.key(house.address() + house.houseNo() + (house.name() == null ? "" : house.name()))));
        }
        entries = List.copyOf(list);
    }

    public int size() {
        return entries.size();
    }

    @Override
    public List<SearchHit> search(String query, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String[] words = query.strip().split("[\\s\\u3000]+");
        for (int i = 0; i < words.length; i++) {
            words[i] = AddressText.key(words[i]);
        }
        String whole = AddressText.key(query);
        List<SearchHit> out = new ArrayList<>();
        for (Entry e : entries) {
            boolean all = true;
            for (String w : words) {
                if (!e.key().contains(w)) {
                    all = false;
                    break;
                }
            }
            if (!all) {
                continue;
            }
            House h = e.house();
            String addressKey = AddressText.key(h.address() + h.houseNo());
            SearchHit.Match match = addressKey.equals(whole) ? SearchHit.Match.EXACT
                    : e.key().startsWith(whole) ? SearchHit.Match.PREFIX : SearchHit.Match.CONTAINS;
            out.add(new SearchHit(FeatureKind.ADDRESS, "HOUSE:" + h.id(), h.label(), "★".repeat(h.stars()), h.kind().name(),
                    h.position(), match));
        }
        out.sort(Comparator.comparing(SearchHit::match).thenComparing(SearchHit::title));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }
}
