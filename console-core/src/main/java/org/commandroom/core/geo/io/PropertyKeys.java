package org.commandroom.core.geo.io;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a feature's property among the names it may go by ({@code name}, {@code NAME}, {@code 名称}...).
 *
 * <p>An exact match wins; then a match without regard to case; then, for dBASE fields (upper-case, at most 10
 * characters), a field of exactly 10 characters that a name begins with ({@code STREET_COD} for {@code street_code}).
 * The names are tried in order at each step, so the first name of the list that is set wins as before.
 */
final class PropertyKeys {

    /** The longest field name a dBASE (.dbf) file holds. */
    static final int DBF_FIELD_LENGTH = 10;

    /** A property found: the field it was in (as the file spells it) and its trimmed value. */
    record Found(String field, String value) {
    }

    private PropertyKeys() {
    }

    static Optional<Found> find(Map<String, String> properties, List<String> keys) {
        for (String key : keys) {
            Found f = set(key, properties.get(key));
            if (f != null) {
                return Optional.of(f);
            }
        }
        for (String key : keys) {
            for (Map.Entry<String, String> e : properties.entrySet()) {
                if (e.getKey().equalsIgnoreCase(key)) {
                    Found f = set(e.getKey(), e.getValue());
                    if (f != null) {
                        return Optional.of(f);
                    }
                }
            }
        }
        for (String key : keys) {
            if (key.length() <= DBF_FIELD_LENGTH) {
                continue;
            }
            String cut = key.substring(0, DBF_FIELD_LENGTH).toUpperCase(Locale.ROOT);
            for (Map.Entry<String, String> e : properties.entrySet()) {
                if (e.getKey().toUpperCase(Locale.ROOT).equals(cut)) {
                    Found f = set(e.getKey(), e.getValue());
                    if (f != null) {
                        return Optional.of(f);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Found set(String field, String value) {
        return value == null || value.isBlank() ? null : new Found(field, value.trim());
    }
}
