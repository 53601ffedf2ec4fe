package org.commandroom.core.geo.io;

import java.util.List;

/**
 * The outcome of reading an import file: either every record, parsed and validated, or every
 * problem found, never both. A file with any problem yields no records, so the caller imports all
 * or nothing.
 */
public sealed interface ImportResult<T> permits ImportResult.Accepted, ImportResult.Rejected {

    /** The records, in file order; empty when rejected. */
    List<T> records();

    /** Every problem found, in file order; empty when accepted. */
    List<ImportProblem> problems();

    default boolean accepted() {
        return this instanceof Accepted;
    }

    static <T> ImportResult<T> of(List<T> records, List<ImportProblem> problems) {
        return problems.isEmpty() ? new Accepted<>(records) : new Rejected<>(problems);
    }

    record Accepted<T>(List<T> records) implements ImportResult<T> {
        public Accepted {
            records = List.copyOf(records);
        }

        @Override
        public List<ImportProblem> problems() {
            return List.of();
        }
    }

    record Rejected<T>(List<ImportProblem> problems) implements ImportResult<T> {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejected import needs at least one problem");
            }
        }

        @Override
        public List<T> records() {
            return List.of();
        }
    }
}
