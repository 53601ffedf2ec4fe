package org.commandroom.core.geo.io;

import java.util.Locale;
import java.util.Objects;

import org.commandroom.core.text.Text;

/**
 * One thing wrong with an import file: where (e.g. {@code "feature 12 (城北社区)"} or {@code "line 7"}) and why, in
 * words an operator can act on. Both are {@link Text}s of core's bundles: the import window says them in its user's
 * language ({@link #message(Locale)}), the command line and the log in English ({@link #message()}).
 *
 * @param whereText where in the file (or {@code database})
 * @param reasonText what is wrong there
 */
public record ImportProblem(Text whereText, Text reasonText) {

    public ImportProblem {
        Objects.requireNonNull(whereText, "where");
        Objects.requireNonNull(reasonText, "reason");
    }

    /** A problem with the file as a whole. */
    static ImportProblem file(Text reason) {
        return new ImportProblem(Text.of("core.geo.where.file"), reason);
    }

    /** A problem of a line of a text file, numbered from 1. */
    static ImportProblem line(int line, Text reason) {
        return new ImportProblem(line(line), reason);
    }

    /** {@code line N}. */
    static Text line(int line) {
        return Text.of("core.geo.where.line", line);
    }

    /** A problem with what the database already holds. */
    static ImportProblem database(Text reason) {
        return new ImportProblem(Text.of("core.geo.where.database"), reason);
    }

    /** A problem of one file named as it is spelt (a shapefile's {@code .dbf}, say). */
    static ImportProblem named(String fileName, Text reason) {
        return new ImportProblem(Text.of("core.geo.where.named", fileName), reason);
    }

    /** Where, in English. */
    public String where() {
        return whereText.english();
    }

    /** Why, in English. */
    public String reason() {
        return reasonText.english();
    }

    /** {@code where: reason} in English, e.g. "feature 12 (城北社区): coordinate 121.5,31.2 is outside the district". */
    public String message() {
        return message(Locale.ENGLISH);
    }

    /** Where and why in {@code locale}'s language. */
    public String message(Locale locale) {
        return Text.of("core.geo.problem", whereText, reasonText).in(locale);
    }

    @Override
    public String toString() {
        return message();
    }
}
