package org.commandroom.core.geo.io;

import java.util.Objects;

/**
 * One thing wrong with an import file: where (e.g. {@code "feature 12 (城北社区)"} or
 * {@code "line 7"}) and why, in words an operator can act on.
 */
public record ImportProblem(String where, String reason) {

    public ImportProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code where: reason}, e.g. "feature 12 (城北社区): coordinate 121.5,31.2 is outside the district". */
    public String message() {
        return where + ": " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}
