package org.commandroom.core.geo.io;

import java.util.List;

/**
 * The outcome of reading an import file: either every record, parsed and validated, or every
 * problem found, never both. A file with any problem yields no records, so the caller imports all
 * or nothing.
 *
 * <p>Besides, the boundaries that were repaired on reading ({@link GeometryRepair}; only boundary files have them,
 * always empty for the camera list): with the records of an accepted file (the records hold the repaired boundaries,
 * which need the user's consent before they are written), and listed apart from the problems of a rejected one.
 */
public sealed interface ImportResult<T> permits ImportResult.Accepted, ImportResult.Rejected {

    /** The records, in file order; empty when rejected. */
    List<T> records();

    /** Every problem found, in file order; empty when accepted. */
    List<ImportProblem> problems();

    /** Every boundary repaired on reading, in file order; may be non-empty either way. */
    List<GeometryRepair> repairs();

    default boolean accepted() {
        return this instanceof Accepted;
    }

    static <T> ImportResult<T> of(List<T> records, List<ImportProblem> problems) {
        return of(records, problems, List.of());
    }

    static <T> ImportResult<T> of(List<T> records, List<ImportProblem> problems, List<GeometryRepair> repairs) {
        return problems.isEmpty() ? new Accepted<>(records, repairs) : new Rejected<>(problems, repairs);
    }

    record Accepted<T>(List<T> records, List<GeometryRepair> repairs) implements ImportResult<T> {
        public Accepted {
            records = List.copyOf(records);
            repairs = List.copyOf(repairs);
        }

        public Accepted(List<T> records) {
            this(records, List.of());
        }

        @Override
        public List<ImportProblem> problems() {
            return List.of();
        }
    }

    record Rejected<T>(List<ImportProblem> problems, List<GeometryRepair> repairs) implements ImportResult<T> {
        public Rejected {
            problems = List.copyOf(problems);
            repairs = List.copyOf(repairs);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejected import needs at least one problem");
            }
        }

        public Rejected(List<ImportProblem> problems) {
            this(problems, List.of());
        }

        @Override
        public List<T> records() {
            return List.of();
        }
    }
}
