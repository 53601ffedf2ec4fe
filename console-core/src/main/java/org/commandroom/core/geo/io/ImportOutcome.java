package org.commandroom.core.geo.io;

import java.util.List;
import java.util.Objects;

/**
 * What an import did: either everything in the file was written ({@link Imported}) or nothing was
 * ({@link Rejected}, with every problem found, each naming the feature or line and why).
 */
public sealed interface ImportOutcome permits ImportOutcome.Imported, ImportOutcome.Rejected {

    ImportLayer layer();

    String fileName();

    default boolean imported() {
        return this instanceof Imported;
    }

    /**
     * @param inserted       rows written from the file
     * @param removed        rows of the layer deleted first (only with replace)
     * @param gridMatches    rows in the police-grid ↔ micro-grid matching after the import (recomputed
     *                       when the layer is micro-grids or police grids, unchanged otherwise)
     * @param withoutStation cameras that lie in no station's boundary and were stored without a
     *                       station (0 for other layers)
     * @param auditId        the audit_log row written for the import
     */
    record Imported(ImportLayer layer, String fileName, int inserted, int removed, int gridMatches,
                    int withoutStation, long auditId) implements ImportOutcome {
        public Imported {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(fileName, "fileName");
        }
    }

    record Rejected(ImportLayer layer, String fileName, List<ImportProblem> problems) implements ImportOutcome {
        public Rejected {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(fileName, "fileName");
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejected import needs at least one problem");
            }
        }
    }
}
