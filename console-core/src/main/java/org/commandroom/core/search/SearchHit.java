package org.commandroom.core.search;

import java.util.Objects;
import org.commandroom.core.geo.GeoPoint;

/**
 * One search result: what it is, its id in its own table (incident id, unit id, camera device id...),
 * what to show (title, e.g. the incident number; detail, e.g. its type and address), where it is, and
 * how well it matched.
 *
 * @param tag   a code the screen may translate (incident type, unit kind, camera kind, key-place kind), or empty
 * @param match how the query matched: {@link Match#EXACT} is best
 */
public record SearchHit(FeatureKind kind, String id, String title, String detail, String tag, GeoPoint position,
                        Match match) {

    /** How a hit matched the query, best first. */
    public enum Match {
        EXACT,
        PREFIX,
        CONTAINS
    }

    public SearchHit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(match, "match");
    }

    /** How {@code text} matches the normalised query ({@link #normalise}), or null when it does not. */
    public static Match matchOf(String text, String normalisedQuery) {
        if (text == null || normalisedQuery.isEmpty()) {
            return null;
        }
        String t = normalise(text);
        if (t.equals(normalisedQuery)) {
            return Match.EXACT;
        }
        if (t.startsWith(normalisedQuery)) {
            return Match.PREFIX;
        }
        return t.contains(normalisedQuery) ? Match.CONTAINS : null;
    }

    /** Trimmed, upper case (incident numbers are typed as j2026...), inner blanks removed. */
    public static String normalise(String query) {
        StringBuilder b = new StringBuilder(query.length());
        query.trim().codePoints().filter(c -> !Character.isWhitespace(c)).map(Character::toUpperCase).forEach(b::appendCodePoint);
        return b.toString();
    }
}
