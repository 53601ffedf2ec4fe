package org.commandroom.core.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong in a file that is not well-formed JSON, in the user's words instead of the parser's English: the
 * few mistakes hand-edited and cut-off files make (a missing comma or bracket, a file that stops early, a word that is
 * not JSON, a stray character), each with a text of its own; anything else says only that the JSON is malformed
 * there. The location (line, column) is the caller's.
 */
public final class JsonSyntax {

    private static final Pattern UNEXPECTED = Pattern.compile("^Unexpected character \\('(.{1,2})' \\(code \\d+\\)\\)(.*)$",
            Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("^Unrecognized token '([^']{0,40})");

    private JsonSyntax() {
    }

    /** The mistake, e.g. "a comma is missing between two members"; never the parser's own message. */
    public static Text describe(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.startsWith("Unexpected end-of-input")) {
            return Text.of("core.json.endOfInput");
        }
        Matcher t = TOKEN.matcher(m);
        if (t.find()) {
            return Text.of("core.json.token", t.group(1));
        }
        Matcher u = UNEXPECTED.matcher(m);
        if (u.find()) {
            String rest = u.group(2);
            if (rest.contains("was expecting comma")) {
                return Text.of("core.json.comma", u.group(1));
            }
            if (rest.contains("was expecting double-quote")) {
                return Text.of("core.json.quote", u.group(1));
            }
            if (rest.contains("was expecting a colon")) {
                return Text.of("core.json.colon", u.group(1));
            }
            return Text.of("core.json.character", u.group(1));
        }
        if (m.startsWith("Illegal unquoted character")) {
            return Text.of("core.json.control");
        }
        return Text.of("core.json.other");
    }
}
