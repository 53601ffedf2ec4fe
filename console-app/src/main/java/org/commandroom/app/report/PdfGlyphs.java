package org.commandroom.app.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text as a report's embedded font can draw it: what it has no glyph for becomes '?' (never a box, never an
 * exception), widths measured, lines broken to a width at any character (Chinese has no spaces). Shared by the index
 * report and the drill's after-action report.
 */
final class PdfGlyphs {

    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();

    PdfGlyphs(PDType0Font font) {
        this.font = font;
    }

    /** The text with every character the font cannot draw replaced by '?', and line breaks and tabs by spaces. */
    String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                b.append(' ');
                return;
            }
            boolean ok = glyphs.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            b.appendCodePoint(ok ? cp : '?');
        });
        return b.toString();
    }

    float width(String s, float size) throws IOException {
        return font.getStringWidth(printable(s)) / 1000f * size;
    }

    /** The text broken into lines no wider than {@code w}; an empty text is one empty line. */
    List<String> wrap(String s, float size, float w) throws IOException {
        List<String> out = new ArrayList<>();
        String rest = printable(s);
        while (!rest.isEmpty()) {
            int n = rest.length();
            while (n > 1 && width(rest.substring(0, n), size) > w) {
                n--;
            }
            out.add(rest.substring(0, n));
            rest = rest.substring(n);
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }
}
