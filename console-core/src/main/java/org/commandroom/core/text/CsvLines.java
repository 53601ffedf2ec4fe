package org.commandroom.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The 1-based line of a Commons CSV record in its text, for problems that name their line. Commons CSV gives a
 * record's character position; a record that follows skipped blank lines is placed at the first of them, so those are
 * stepped over first. Built once per file (the line starts), then each look-up is a binary search.
 */
public final class CsvLines {

    private final int[] starts;
    private final String text;

    public CsvLines(String text) {
        this.text = text;
        List<Integer> s = new ArrayList<>();
        s.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                s.add(i + 1);
            }
        }
        starts = s.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The line of the record at {@code characterPosition} (Commons CSV's {@code getCharacterPosition()}). */
    public int lineOfRecordAt(long characterPosition) {
        long at = characterPosition;
        while (at < text.length() && (text.charAt((int) at) == '\n' || text.charAt((int) at) == '\r')) {
            at++;
        }
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= at) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }
}
