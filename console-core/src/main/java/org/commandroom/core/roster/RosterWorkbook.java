package org.commandroom.core.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commandroom.core.io.FileLimit;
import org.commandroom.core.org.OrgSheets.Column;
import org.commandroom.core.org.OrgSheets.SheetDef;
import org.commandroom.core.org.OrgWorkbook;
import org.commandroom.core.org.SheetProblem;
import org.commandroom.core.text.Text;

/**
 * The duty roster as an .xlsx workbook (docs/ADMIN.md "The duty roster"), read and written with the organisation's
 * workbook machinery ({@link OrgWorkbook}): one sheet 值班表, one shift per row — station (blank: the bureau's command
 * room), date, start, end (not after the start: the next day), duty commanders' badge numbers, the leader's, notes.
 * A file is imported whole or not at all; every wrong cell and every refused shift is a {@link SheetProblem}.
 */
public final class RosterWorkbook {

    /** A roster workbook larger than this is refused before it is read (a month of a bureau's shifts is well under 1 MB). */
    public static final FileLimit LIMIT = FileLimit.megabytes(10);

    public static final SheetDef SHEET = new SheetDef("roster", "值班表", "roster", List.of(
            new Column("station", "单位", "station", false, List.of(), "派出所编码；空 = 分局指挥室 blank: the bureau's command room"),
            new Column("date", "日期", "date", true, List.of(), "2026-11-23"),
            new Column("start", "开始", "start", true, List.of(), "08:00"),
            new Column("end", "结束", "end", true, List.of(), "20:00; 早于开始即次日 before the start: the next day"),
            new Column("commanders", "值班长警号", "duty commanders", true, List.of(), "警号，多人用、分隔 badge numbers"),
            new Column("leader", "指挥长警号", "leader on duty", false, List.of(), "警号 badge number"),
            new Column("notes", "备注", "notes", false, List.of(), "at most 200 characters")),
            "值班表 one shift per row; an import adds shifts (all or none)");

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy-M-d"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private RosterWorkbook() {
    }

    /** What reading and importing a file gave. */
    public record Result(int shifts, boolean written, List<SheetProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** Writes the template (one example row) in {@code lang}'s headers. */
    public static void template(Locale lang, OutputStream out) throws IOException {
        OrgWorkbook.write(List.of(SHEET), lang, Map.of(SHEET.key(), List.of(Map.of("date", "2026-11-23", "start", "08:00",
                "end", "20:00", "commanders", "P200", "notes", "白班"))), out);
    }

    /**
     * Reads {@code file} and adds its shifts through {@code roster} (permission-checked there).
     *
     * @param dryRun check only: nothing is written
     */
    public static Result importFile(RosterService roster, byte[] file, String fileName, boolean dryRun, String actor) {
        OrgWorkbook.Read read = OrgWorkbook.read("roster", List.of(SHEET), file, fileName);
        List<SheetProblem> problems = new ArrayList<>(read.problems());
        List<RosterService.ShiftEdit> edits = new ArrayList<>();
        List<OrgWorkbook.DataRow> rowOf = new ArrayList<>();
        ZoneId zone = roster.zone();
        for (OrgWorkbook.DataRow row : read.rows(SHEET)) {
            LocalDate date = date(row.get("date"), problems);
            LocalTime start = time(row.get("start"), problems);
            LocalTime end = time(row.get("end"), problems);
            if (date == null || start == null || end == null) {
                continue;
            }
            LocalDate endDate = end.isAfter(start) ? date : date.plusDays(1);
            List<String> commanders = Arrays.stream(row.text("commanders").split("[,，、;；\\s]+"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            edits.add(new RosterService.ShiftEdit(null, blankToNull(row.text("station")),
                    date.atTime(start).atZone(zone).toInstant(), endDate.atTime(end).atZone(zone).toInstant(), commanders,
                    blankToNull(row.text("leader")), blankToNull(row.text("notes"))));
            rowOf.add(row);
        }
        if (!problems.isEmpty()) {
            return new Result(0, false, problems);
        }
        RosterService.ImportOutcome outcome = roster.importShifts(edits, dryRun, actor);
        outcome.problems().forEach((i, list) -> {
            OrgWorkbook.DataRow row = rowOf.get(i);
            String sheet = row.cells().values().iterator().next().place().sheet();
            for (RosterRejected.Problem p : list) {
                problems.add(SheetProblem.row(sheet, row.excelRow(), text(p)));
            }
        });
        problems.sort(java.util.Comparator.comparingInt(SheetProblem::row));
        return new Result(outcome.shifts(), outcome.written(), problems);
    }

    private static LocalDate date(OrgWorkbook.CellText cell, List<SheetProblem> problems) {
        if (cell == null) {
            return null; // the reader has said the column is missing
        }
        String t = cell.text().strip();
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        problems.add(cell.problem("core.roster.date", t));
        return null;
    }

    private static LocalTime time(OrgWorkbook.CellText cell, List<SheetProblem> problems) {
        if (cell == null) {
            return null;
        }
        String t = cell.text().strip();
        try {
            return LocalTime.parse(t.length() > 5 && t.matches("\\d{1,2}:\\d{2}:00") ? t.substring(0, t.length() - 3) : t, TIME);
        } catch (DateTimeParseException e) {
            problems.add(cell.problem("core.roster.time", t));
            return null;
        }
    }

    /** A refused shift's problem in words (each code its own key, so that the bundles' check sees them). */
    static Text text(RosterRejected.Problem p) {
        Object[] a = p.args().toArray();
        return switch (p.code()) {
            case NO_SUCH_STATION -> Text.of("core.roster.noSuchStation", a);
            case NO_SUCH_OFFICER -> Text.of("core.roster.noSuchOfficer", a);
            case OFFICER_RETIRED -> Text.of("core.roster.officerRetired", a);
            case SAME_OFFICER_TWICE -> Text.of("core.roster.sameOfficerTwice", a);
            case NO_COMMANDER -> Text.of("core.roster.noCommander", a);
            case ENDS_BEFORE_START -> Text.of("core.roster.endsBeforeStart", a);
            case TOO_LONG -> Text.of("core.roster.tooLong", a);
            case NOTES_LENGTH -> Text.of("core.roster.notesLength", a);
            case NO_SUCH_SHIFT, TARGET_WEEK_NOT_EMPTY, NOTHING_TO_COPY -> Text.of("core.roster.other", p.toString());
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
