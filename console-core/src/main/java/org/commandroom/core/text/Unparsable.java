package org.commandroom.core.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file the CSV or JSON parser gave up on, said in words with where: never the parser's own message, which names its
 * exception class and is in English only ("org.apache.commons.csv.CSVException: Invalid character between
 * encapsulated token and delimiter at line: 3, position: 10,695"; "Unexpected character ('.' (code 46))"). The fuzz
 * tests (core fuzz) found these in the call feed, the history, meter-reading, place and camera lists.
 */
public final class Unparsable {

    private static final Pattern CSV_LINE = Pattern.compile("(?:startline|line:?)\\s*(\\d+)");

    private Unparsable() {
    }

    /** Why Commons CSV stopped, and on which line when it said so. */
    public static Text csv(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage());
        String what;
        if (m.contains("EOF reached before encapsulated token")) {
            what = "core.parse.csv.openQuote";
        } else if (m.contains("between encapsulated token and delimiter")) {
            what = "core.parse.csv.afterQuote";
        } else if (m.contains("header") || m.contains("Header")) {
            what = "core.parse.csv.header";
        } else {
            what = "core.parse.csv.other";
        }
        Matcher line = CSV_LINE.matcher(m);
        return line.find() ? Text.of("core.parse.atLine", line.group(1), Text.of(what)) : Text.of(what);
    }

    /**
     * What the YAML parser found, in English words for a file's own problem (a drill scenario, the prevention-index
     * definition): its message is several lines of parser state ("while parsing a flow mapping ... expected ',' or
     * '}', but got &lt;scalar&gt;") or a wrapped exception; the caller says the line and column.
     */
    public static String yaml(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("special characters") || m.contains("non-printable") || m.contains("Invalid UTF")
                || m.contains("MalformedInput") || m.contains("CharConversion")) {
            return "it has characters that are not UTF-8 text";
        }
        if (m.contains("end of the stream") || m.contains("end-of-input")) {
            return "the file ends inside a value or a bracket";
        }
        if (m.contains("exceeds") || m.contains("limit")) {
            return "it is nested too deep or a value is too long";
        }
        return "a bracket, quote, colon or indentation is wrong here";
    }

    /** Why Jackson stopped, at which line and column. */
    public static Text jsonAt(JsonProcessingException e) {
        var at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? json(e)
                : Text.of("core.parse.atLineColumn", at.getLineNr(), at.getColumnNr(), json(e));
    }

    /** Why Jackson stopped, for a problem that already says where. */
    public static Text json(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        String what;
        if (m.contains("end-of-input") || m.contains("No content")) {
            what = "core.parse.json.endsEarly";
        } else if (m.contains("nesting depth")) {
            what = "core.parse.json.tooDeep";
        } else if (m.contains("length") && m.contains("exceeds")) {
            what = "core.parse.json.tooLong";
        } else if (m.contains("umeric value") || m.contains("Number") || m.contains("number")) {
            what = "core.parse.json.number";
        } else if (m.contains("Invalid UTF-8") || m.contains("Illegal character") || m.contains("Invalid UTF")) {
            what = "core.parse.json.encoding";
        } else {
            what = "core.parse.json.other";
        }
        return Text.of(what);
    }
}
