package org.commandroom.core.org;

import java.util.Locale;
import java.util.Objects;
import org.commandroom.core.text.Text;

/**
 * One problem of a rejected workbook ({@link OrgImportResult#sheetProblems()}): where it is (sheet, row, column) and
 * what is wrong, each a {@link Text} that a screen says in its user's language and the command line in English
 * ({@link #toString()}, e.g. {@code Sheet 民警辅警, row 14, column E (岗位): '片警' is not one of …}).
 *
 * <p>Problems with the file as a whole are told apart ({@link Kind#NOT_WORKBOOK}, {@link Kind#TOO_LARGE}) so that a
 * screen can say them its own way.
 *
 * @param kind   what the problem is about
 * @param sheet  the sheet's name as the file spells it, or null
 * @param row    the row as Excel numbers it, or 0
 * @param column the column's letters ({@code E}), or null
 * @param header the column's header ({@code 岗位}), or null
 * @param where  where it is, said before what; null when {@code what} says it itself
 * @param what   what is wrong
 */
public record SheetProblem(Kind kind, String sheet, int row, String column, String header, Text where, Text what) {

    /** What a problem is about. */
    public enum Kind {
        /** One cell: sheet, row and column are known. */
        CELL,
        /** A row of a sheet (a required column missing from the header row), or a row whose cell has no column. */
        ROW,
        /** A whole sheet (unknown, given twice, too many rows). */
        SHEET,
        /** The file is not an .xlsx workbook, or one too damaged to read: nothing was read. */
        NOT_WORKBOOK,
        /** The file, or what its parts unpack to, is larger than an import reads: nothing was read. */
        TOO_LARGE,
        /** Anything else about the file (none of the workbook's sheets, a sheet without rows). */
        FILE
    }

    /** Where a cell is: its sheet, its row as Excel numbers it, its column's letters and header. */
    public record Place(String sheet, int row, String column, String header) {
        public Text text() {
            return Text.of("core.sheet.where.cell", sheet, row, column, header);
        }

        /** In English, e.g. {@code Sheet 派出所, row 5, column C (常住人口)}. */
        @Override
        public String toString() {
            return text().english();
        }
    }

    public SheetProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(what, "what");
    }

    /** A wrong cell. */
    public static SheetProblem cell(Place place, Text what) {
        return new SheetProblem(Kind.CELL, place.sheet(), place.row(), place.column(), place.header(), place.text(), what);
    }

    /** A row (of {@code sheet}, or of the only sheet when {@code sheet} is null). */
    public static SheetProblem row(String sheet, int row, Text what) {
        return new SheetProblem(Kind.ROW, sheet, row, null, null,
                sheet == null ? Text.of("core.sheet.where.bareRow", row) : Text.of("core.sheet.where.row", sheet, row), what);
    }

    /** A whole sheet, said after its name. */
    public static SheetProblem sheet(String sheet, Text what) {
        return new SheetProblem(Kind.SHEET, sheet, 0, null, null, Text.of("core.sheet.where.sheet", sheet), what);
    }

    /** A whole sheet, in a sentence that names it. */
    public static SheetProblem sheetSentence(String sheet, Text what) {
        return new SheetProblem(Kind.SHEET, sheet, 0, null, null, null, what);
    }

    /** The file as a whole, in a sentence that names it. */
    public static SheetProblem file(Kind kind, Text what) {
        return new SheetProblem(kind, null, 0, null, null, null, what);
    }

    /** What is wrong, without where, in {@code locale}'s language. */
    public String message(Locale locale) {
        return what.in(locale);
    }

    /** Where and what, in {@code locale}'s language. */
    public String text(Locale locale) {
        return where == null ? what.in(locale) : Text.of("core.sheet.problem", where, what).in(locale);
    }

    /** In English, as the command line prints it. */
    @Override
    public String toString() {
        return text(Locale.ENGLISH);
    }
}
