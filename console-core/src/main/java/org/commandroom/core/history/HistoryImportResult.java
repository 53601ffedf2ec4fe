package org.commandroom.core.history;

import java.util.List;
import java.util.Map;

/**
 * What a history import did, or on a dry run would do: accepted with its counts, or rejected with every problem
 * found (a rejected import wrote nothing).
 *
 * @param rows           data rows in the file
 * @param inserted       incidents written (a dry run: that would be written)
 * @param alreadyThere   rows whose (source, external id) is already stored, left as they are
 * @param withoutStation rows written with no station (no station column or position that finds one): the wall
 *                       counts them, the station index cannot
 * @param problems       the first {@link HistoryImportService#MAX_PROBLEMS} problems
 * @param problemCount   how many problems there were in all
 * @param notMapped      foreign types the type table does not map, with their row counts
 * @param toOther        of those, the ones that went to the "other" type because the mapping said so
 */
public record HistoryImportResult(boolean accepted, boolean dryRun, String source, String fileName, int rows,
                                  int inserted, int alreadyThere, int withoutStation, List<HistoryProblem> problems,
                                  int problemCount, Map<String, Integer> notMapped, Map<String, Integer> toOther) {

    public HistoryImportResult {
        problems = List.copyOf(problems);
        notMapped = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notMapped));
        toOther = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(toOther));
    }

    /** One line for the log, the trail and the command line. */
    public String summary() {
        if (!accepted) {
            return "rejected: " + problemCount + " problem(s)";
        }
        return (dryRun ? "would write " : "wrote ") + inserted + " closed incident(s) from " + rows + " row(s); "
                + alreadyThere + " already there; " + withoutStation + " without a station"
                + (toOther.isEmpty() ? "" : "; " + toOther.values().stream().mapToInt(Integer::intValue).sum()
                + " of " + toOther.size() + " unmapped type(s) as the other type");
    }
}
