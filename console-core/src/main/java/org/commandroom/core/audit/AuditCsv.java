package org.commandroom.core.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The CSV of an audit export, as RFC 4180 writes it: fields separated by commas, records ended by CRLF, a field
 * holding a comma, a double quote, CR or LF enclosed in double quotes with its quotes doubled. A text field that a
 * spreadsheet would take for a formula (it begins with {@code = + - @}, a tab or CR) gets a leading apostrophe:
 * the trail holds what people typed, a log-in name included, and opening the export must not run it.
 */
final class AuditCsv {

    /** The byte-order mark that makes Excel read the file as UTF-8 (Chinese text otherwise comes out garbled). */
    static final char BOM = '\uFEFF';

    private AuditCsv() {
    }

    /** Writes one record: {@code texts[i]} says whether field i is free text (neutralised as above). */
    static void record(Writer out, List<String> fields, boolean[] texts) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String f = fields.get(i);
            if (f == null) {
                continue;
            }
            out.write(quoted(texts != null && texts[i] ? defused(f) : f));
        }
        out.write("\r\n");
    }

    /** The field as written: enclosed in quotes, inner quotes doubled, when it needs to be. */
    static String quoted(String f) {
        boolean needs = false;
        for (int i = 0; i < f.length() && !needs; i++) {
            char c = f.charAt(i);
            needs = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return needs ? '"' + f.replace("\"", "\"\"") + '"' : f;
    }

    /** The text with an apostrophe before it when a spreadsheet would read it as a formula. */
    static String defused(String f) {
        if (f.isEmpty()) {
            return f;
        }
        char c = f.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + f : f;
    }
}
