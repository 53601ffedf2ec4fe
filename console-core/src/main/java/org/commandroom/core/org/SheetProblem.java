package org.commandroom.core.org;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One problem of a rejected workbook ({@link OrgImportResult#problems()}) taken apart for a table: where it is
 * (sheet, row, column) and what is wrong. The imports of {@link OrgImportService} and the house register write each
 * problem as one line that starts with where it is ({@link OrgWorkbook.CellText#where()}, e.g. {@code Sheet 民警辅警,
 * row 14, column E (岗位): '片警' is not one of …}); a screen that lists them by column parses them here, so that the
 * lines stay the one form the command line prints.
 *
 * <p>Problems with the file as a whole are told apart ({@link Kind#NOT_WORKBOOK}, {@link Kind#TOO_LARGE}) so that a
 * screen can say them in its user's words.
 *
 * @param kind    what the problem is about
 * @param sheet   the sheet's name as the file spells it, or null
 * @param row     the row as Excel numbers it, or 0
 * @param column  the column's letters ({@code E}), or null
 * @param header  the column's header ({@code 岗位}), or null
 * @param message what is wrong, without where
 * @param text    the whole line as the import reported it
 */
public record SheetProblem(Kind kind, String sheet, int row, String column, String header, String message, String text) {

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

    private static final Pattern CELL = Pattern.compile("Sheet (.+?), row (\\d+), column ([A-Z]+) \\((.*?)\\): (.*)",
            Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("Sheet (.+?), row (\\d+): (.*)", Pattern.DOTALL);
    private static final Pattern BARE_ROW = Pattern.compile("row (\\d+): (.*)", Pattern.DOTALL);
    private static final Pattern SHEET = Pattern.compile("Sheet (.+?): (.*)", Pattern.DOTALL);
    private static final Pattern SHEET_ROWS = Pattern.compile("Sheet (.+?) (has \\d+ rows.*)", Pattern.DOTALL);

    /** Takes one reported problem apart; a line of no known form is a {@link Kind#FILE} problem with the whole text. */
    public static SheetProblem parse(String text) {
        String t = text == null ? "" : text;
        Matcher m = CELL.matcher(t);
        if (m.matches()) {
            return new SheetProblem(Kind.CELL, m.group(1), Integer.parseInt(m.group(2)), m.group(3), m.group(4),
                    m.group(5), t);
        }
        m = ROW.matcher(t);
        if (m.matches()) {
            return new SheetProblem(Kind.ROW, m.group(1), Integer.parseInt(m.group(2)), null, null, m.group(3), t);
        }
        m = BARE_ROW.matcher(t);
        if (m.matches()) {
            return new SheetProblem(Kind.ROW, null, Integer.parseInt(m.group(1)), null, null, m.group(2), t);
        }
        m = SHEET_ROWS.matcher(t);
        if (m.matches()) {
            return new SheetProblem(Kind.SHEET, m.group(1), 0, null, null, m.group(2), t);
        }
        m = SHEET.matcher(t);
        if (m.matches()) {
            return new SheetProblem(Kind.SHEET, m.group(1), 0, null, null, m.group(2), t);
        }
        if (t.startsWith("File ")) {
            if (t.contains(" is not an .xlsx workbook") || t.contains(" could not be read to the end")) {
                return new SheetProblem(Kind.NOT_WORKBOOK, null, 0, null, null, t, t);
            }
            if (t.contains(" is larger than ") || t.contains(" unpacks to more than ")
                    || t.contains(" has more than 10,000 parts")) {
                return new SheetProblem(Kind.TOO_LARGE, null, 0, null, null, t, t);
            }
        }
        return new SheetProblem(Kind.FILE, null, 0, null, null, t, t);
    }
}
