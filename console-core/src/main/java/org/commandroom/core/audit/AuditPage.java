package org.commandroom.core.audit;

import java.util.List;

/**
 * One page of the audit trail, newest first.
 *
 * @param rows the rows of the page, seq descending
 * @param more whether older rows match the same filter ({@link AuditService#more} with {@link #nextBefore()})
 */
public record AuditPage(List<AuditEntry> rows, boolean more) {

    public AuditPage {
        rows = List.copyOf(rows);
    }

    /** The seq to page on from: the oldest row's of this page (0 when the page is empty). */
    public long nextBefore() {
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).seq();
    }
}
