package org.commandroom.core.history;

/**
 * One thing wrong with a history file under a mapping: where (the row as a person counts it, the header line being
 * 1, or 0 for the mapping as a whole; the column's header, or the field's key), the value as it came, and why.
 * {@link #toString()} is the English line the command line prints; a screen words {@link #why()} itself.
 */
public record HistoryProblem(int row, String column, String value, Why why, String detail) {

    /** Why a cell or the mapping is wrong. */
    public enum Why {
        /** A required field is not mapped onto a column. */
        NOT_MAPPED,
        /** The mapping names a column the file does not have. */
        NO_SUCH_COLUMN,
        /** A time column has no format (none of the known ones reads its values). */
        NO_TIME_FORMAT,
        /** No source name was given. */
        NO_SOURCE,
        /** A required cell is empty. */
        EMPTY,
        /** Not a time in the column's format. */
        BAD_TIME,
        /** A time before the call was received. */
        BEFORE_RECEIVED,
        /** A call received after now (a wrong zone or format?). */
        IN_FUTURE,
        /** A call type the type table does not map, and no "other" type was chosen. */
        TYPE_NOT_MAPPED,
        /** A priority the priority table does not map. */
        PRIORITY_NOT_MAPPED,
        /** Not a number. */
        BAD_NUMBER,
        /** A latitude or longitude out of range. */
        OUT_OF_RANGE,
        /** A latitude without a longitude or the other way round. */
        HALF_POSITION,
        /** A station the console does not have (by code or name). */
        UNKNOWN_STATION,
        /** A police grid the console does not have (by code or name). */
        UNKNOWN_GRID,
        /** Longer than the field holds. */
        TOO_LONG,
        /** The same external id twice in the file. */
        DUPLICATE_ID,
        /** Not a telephone number. */
        BAD_PHONE,
        /**
         * A time column's values do not tell day from month (no first field over 12): the user chooses the format
         * ({@link TimeFormat#detect(HistoryTable, String, java.time.ZoneId)}). Appended last: the order is stable.
         */
        AMBIGUOUS_TIME_FORMAT
    }

    @Override
    public String toString() {
        String where = row == 0 ? "mapping" : "row " + row;
        return where + (column == null ? "" : ", column '" + column + "'")
                + (value == null ? "" : " ('" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "')")
                + ": " + detail;
    }
}
