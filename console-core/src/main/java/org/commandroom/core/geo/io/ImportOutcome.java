package org.commandroom.core.geo.io;

import java.util.List;
import java.util.Objects;

import org.commandroom.core.text.Text;

/**
 * What an import did: either everything in the file was written ({@link Imported}) or nothing was
 * ({@link Rejected}, with every problem found, each naming the feature or line and why; or
 * {@link NeedsRepairConsent}, a file whose only fault is boundaries that were repaired on reading, waiting for the
 * user to accept the repairs).
 */
public sealed interface ImportOutcome permits ImportOutcome.Imported, ImportOutcome.Rejected, ImportOutcome.NeedsRepairConsent {

    ImportLayer layer();

    String fileName();

    /** The boundaries repaired on reading (see {@link GeometryRepair}), in file order; empty for the camera list. */
    List<GeometryRepair> repairs();

    /**
     * How the file was read, for the user: e.g. {@code attributes read as GBK (no .cpg; the bytes are not valid UTF-8)},
     * {@code name from field NAME}, {@code code from field CODE}, each said in the screen's language. May be empty.
     */
    List<Text> noteTexts();

    /** The {@link #noteTexts()} in English, as the command line and the log say them. */
    default List<String> notes() {
        return noteTexts().stream().map(Text::english).toList();
    }

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
     * @param repairs        the repairs the user accepted, written as repaired (the audit row names them)
     */
    record Imported(ImportLayer layer, String fileName, int inserted, int removed, int gridMatches,
                    int withoutStation, long auditId, List<GeometryRepair> repairs, List<Text> noteTexts)
            implements ImportOutcome {
        public Imported {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(fileName, "fileName");
            repairs = List.copyOf(repairs);
            noteTexts = List.copyOf(noteTexts);
        }

        public Imported(ImportLayer layer, String fileName, int inserted, int removed, int gridMatches, int withoutStation,
                        long auditId, List<GeometryRepair> repairs) {
            this(layer, fileName, inserted, removed, gridMatches, withoutStation, auditId, repairs, List.of());
        }

        public Imported(ImportLayer layer, String fileName, int inserted, int removed, int gridMatches, int withoutStation,
                        long auditId) {
            this(layer, fileName, inserted, removed, gridMatches, withoutStation, auditId, List.of());
        }
    }

    /** Nothing written: the problems, and apart from them the boundaries that could be repaired. */
    record Rejected(ImportLayer layer, String fileName, List<ImportProblem> problems, List<GeometryRepair> repairs,
                    List<Text> noteTexts) implements ImportOutcome {
        public Rejected {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(fileName, "fileName");
            problems = List.copyOf(problems);
            repairs = List.copyOf(repairs);
            noteTexts = List.copyOf(noteTexts);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejected import needs at least one problem");
            }
        }

        public Rejected(ImportLayer layer, String fileName, List<ImportProblem> problems) {
            this(layer, fileName, problems, List.of(), List.of());
        }

        public Rejected(ImportLayer layer, String fileName, List<ImportProblem> problems, List<GeometryRepair> repairs) {
            this(layer, fileName, problems, repairs, List.of());
        }
    }

    /**
     * Nothing written: the file would import, but only with boundaries repaired on reading, which the user has not
     * accepted yet. Importing again with {@link GeoImportService.Request#acceptRepairs()} writes them repaired.
     */
    record NeedsRepairConsent(ImportLayer layer, String fileName, List<GeometryRepair> repairs, List<Text> noteTexts)
            implements ImportOutcome {
        public NeedsRepairConsent(ImportLayer layer, String fileName, List<GeometryRepair> repairs) {
            this(layer, fileName, repairs, List.of());
        }

        public NeedsRepairConsent {
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(fileName, "fileName");
            repairs = List.copyOf(repairs);
            noteTexts = List.copyOf(noteTexts);
            if (repairs.isEmpty()) {
                throw new IllegalArgumentException("a consent is asked for at least one repair");
            }
        }
    }
}
