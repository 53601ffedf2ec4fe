package org.commandroom.core.intake;

import java.text.Normalizer;

/** How addresses are compared and stored: full-width folded, lower case, no whitespace. */
public final class AddressText {

    private AddressText() {
    }

    /** The key used for matching: NFKC (full-width digits and letters become ASCII), lower case, no spaces. */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u3000') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The address as stored: trimmed, runs of whitespace collapsed to one space, NFKC-folded. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).trim();
        return n.replaceAll("\\s+", " ");
    }
}
