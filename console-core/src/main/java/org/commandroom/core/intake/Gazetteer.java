package org.commandroom.core.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable in-memory index of the county's places and addresses, searched by what the call-taker
 * types. Every whitespace-separated word of the query must occur in the name (after {@link
 * AddressText#key} folding). Ranking, best first:
 * <ol>
 *   <li>the whole query equals the name, then the name starts with the first word, then it merely contains it;</li>
 *   <li>the earlier the first word occurs in the name;</li>
 *   <li>the kind ({@link PlaceKind} order: key places and offices before addresses seen in calls);</li>
 *   <li>the more calls gave the address;</li>
 *   <li>the shorter name, then the name itself (so the order is stable).</li>
 * </ol>
 * Candidates come from an index of character pairs (the rarest pair of the query's words), so a search
 * touches only names that can match; one-character queries scan.
 *
 * <p>Safe to share between threads.
 */
public final class Gazetteer {

    private static final Comparator<Hit> RANK = Comparator
            .comparingInt(Hit::matchClass)
            .thenComparingInt(Hit::offset)
            .thenComparingInt(h -> h.place().kind().ordinal())
            .thenComparingInt(h -> -h.place().uses())
            .thenComparingInt(h -> h.place().name().length())
            .thenComparing(h -> h.place().name());

    private static final int[] NONE = new int[0];

    private final Place[] places;
    private final String[] keys;
    private final Map<Integer, int[]> pairs;
    private final Map<String, Integer> byKey;

    private Gazetteer(List<Place> list) {
        int n = list.size();
        places = list.toArray(new Place[0]);
        keys = new String[n];
        byKey = new HashMap<>(n * 2);
        Map<Integer, IntList> building = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String k = AddressText.key(places[i].name());
            keys[i] = k;
            Integer earlier = byKey.get(k);
            if (earlier == null || better(places[i], places[earlier])) {
                byKey.put(k, i);
            }
            for (int c = 0; c + 1 < k.length(); c++) {
                IntList l = building.computeIfAbsent(pair(k, c), x -> new IntList());
                if (l.last() != i) {
                    l.add(i);
                }
            }
        }
        pairs = new HashMap<>(building.size() * 2);
        building.forEach((p, l) -> pairs.put(p, l.toArray()));
    }

    public static Gazetteer of(List<Place> places) {
        return new Gazetteer(places);
    }

    public static Gazetteer empty() {
        return new Gazetteer(List.of());
    }

    public int size() {
        return places.length;
    }

    /** Every entry, in the order given. */
    public List<Place> places() {
        return List.of(places);
    }

    /** The place whose folded name equals the text exactly (the named place rather than an address seen). */
    public Optional<Place> exact(String text) {
        Integer i = byKey.get(AddressText.key(text));
        return i == null ? Optional.empty() : Optional.of(places[i]);
    }

    /** At most {@code limit} places matching every word of the query, best first; empty for a blank query. */
    public List<Place> search(String query, int limit) {
        List<Hit> hits = hits(query);
        hits.sort(RANK);
        List<Place> out = new ArrayList<>(Math.min(limit, hits.size()));
        for (int i = 0; i < hits.size() && out.size() < limit; i++) {
            out.add(hits.get(i).place());
        }
        return out;
    }

    /** Every match with its rank fields, unsorted (used to merge with the service's recent additions). */
    List<Hit> hits(String query) {
        String[] words = words(query);
        if (words.length == 0) {
            return new ArrayList<>();
        }
        String whole = AddressText.key(query);
        int[] candidates = candidates(words);
        List<Hit> hits = new ArrayList<>();
        if (candidates == null) {
            for (int i = 0; i < places.length; i++) {
                addIfMatch(i, words, whole, hits);
            }
        } else {
            for (int i : candidates) {
                addIfMatch(i, words, whole, hits);
            }
        }
        return hits;
    }

    private void addIfMatch(int i, String[] words, String whole, List<Hit> hits) {
        Hit h = match(places[i], keys[i], words, whole);
        if (h != null) {
            hits.add(h);
        }
    }

    /** The match of one place against the query's words, or null. */
    static Hit match(Place place, String key, String[] words, String whole) {
        for (int w = 1; w < words.length; w++) {
            if (!key.contains(words[w])) {
                return null;
            }
        }
        int at = key.indexOf(words[0]);
        if (at < 0) {
            return null;
        }
        int matchClass = key.equals(whole) ? 0 : at == 0 ? 1 : 2;
        return new Hit(place, matchClass, at);
    }

    static Comparator<Hit> rank() {
        return RANK;
    }

    static String[] words(String query) {
        if (query == null) {
            return new String[0];
        }
        return Arrays.stream(query.trim().split("[\\s\\u3000]+"))
                .map(AddressText::key).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    /** The smallest posting list among the words' pairs, or null when every word is one character. */
    private int[] candidates(String[] words) {
        int[] best = null;
        for (String w : words) {
            for (int c = 0; c + 1 < w.length(); c++) {
                int[] list = pairs.getOrDefault(pair(w, c), NONE);
                if (best == null || list.length < best.length) {
                    best = list;
                }
            }
        }
        return best;
    }

    private static int pair(String s, int at) {
        return (s.charAt(at) << 16) | s.charAt(at + 1);
    }

    private static boolean better(Place a, Place b) {
        if (a.kind() != b.kind()) {
            return a.kind().ordinal() < b.kind().ordinal();
        }
        return a.uses() > b.uses();
    }

    /** A match: 0 = the whole name, 1 = a prefix, 2 = inside; offset = where the first word starts. */
    record Hit(Place place, int matchClass, int offset) {
    }

    private static final class IntList {
        private int[] items = new int[4];
        private int size;

        void add(int v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }

        int last() {
            return size == 0 ? -1 : items[size - 1];
        }

        int[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }
}
