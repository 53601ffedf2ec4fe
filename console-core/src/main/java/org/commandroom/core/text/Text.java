package org.commandroom.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sentence core tells a person (a problem of an import file, say), kept as a key of core's own bundles
 * ({@code i18n/core.properties}, Chinese, and {@code i18n/core_en.properties}) and its arguments, so that the screen
 * says it in its user's language and the command line in English.
 *
 * <p>Arguments are put in as they are at {@code {0}}, {@code {1}}, ...: no number or date formatting, and a single
 * quote is just a quote (not {@link java.text.MessageFormat}'s escape). An argument that is itself a {@link Text} (a
 * place in a file, say) is said in the same language.
 */
public record Text(String key, List<Object> args) {

    private static final String BUNDLE = "i18n.core";
    private static final Map<Locale, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    public Text {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /** The text of {@code key} with {@code args} (strings, numbers or other texts; none null). */
    public static Text of(String key, Object... args) {
        return new Text(key, List.of(args));
    }

    /** In English, as the command line and the log say it. */
    public String english() {
        return in(Locale.ENGLISH);
    }

    /** In {@code locale}'s language: English for any English locale, Chinese otherwise. */
    public String in(Locale locale) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            // A key missing from the bundle is a bug the bundle test catches; say something rather than nothing.
            return key + args;
        }
        List<String> said = new ArrayList<>(args.size());
        for (Object a : args) {
            said.add(a instanceof Text t ? t.in(locale) : String.valueOf(a));
        }
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && close <= i + 3 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(n < said.size() ? said.get(n) : "{" + n + "}");
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** English: what a log line or an exception message shows. */
    @Override
    public String toString() {
        return english();
    }

    static ResourceBundle bundle(Locale locale) {
        Locale lang = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        return BUNDLES.computeIfAbsent(lang, l -> ResourceBundle.getBundle(BUNDLE, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
