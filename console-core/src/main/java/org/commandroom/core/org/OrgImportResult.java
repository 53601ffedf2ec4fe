package org.commandroom.core.org;

import java.util.List;
import java.util.Map;

/**
 * What an organisation or unit import did: accepted (with what it wrote, or would have written on a dry run) or
 * rejected with every problem found, each naming its sheet, row and column. A rejected import wrote nothing.
 * The problems are {@link SheetProblem}s, said in the user's language by a screen; {@link #problems()} gives them
 * in English.
 *
 * @param counts by table ({@code bureau}, {@code station}, {@code team}, {@code officer}, {@code unit}), in order
 */
public record OrgImportResult(boolean accepted, boolean dryRun, String fileName, Map<String, Counts> counts,
                              List<SheetProblem> sheetProblems) {

    public OrgImportResult {
        counts = Map.copyOf(counts);
        sheetProblems = List.copyOf(sheetProblems);
    }

    /** Every problem in English, one line each, as the command line prints them. */
    public List<String> problems() {
        return sheetProblems.stream().map(SheetProblem::toString).toList();
    }

    /** Rows of one table: new, changed, and already as the file says. */
    public record Counts(int inserted, int updated, int unchanged) {
        @Override
        public String toString() {
            return inserted + " new, " + updated + " changed, " + unchanged + " unchanged";
        }
    }

    public Counts count(String table) {
        return counts.getOrDefault(table, new Counts(0, 0, 0));
    }

    /** Rows inserted or changed over every table. */
    public int written() {
        return counts.values().stream().mapToInt(c -> c.inserted() + c.updated()).sum();
    }

    static OrgImportResult rejected(String fileName, List<SheetProblem> problems) {
        return new OrgImportResult(false, false, fileName, Map.of(), problems);
    }
}
