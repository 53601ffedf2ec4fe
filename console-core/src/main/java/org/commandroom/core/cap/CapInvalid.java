package org.commandroom.core.cap;

import java.util.List;

/** A document that is not a CAP 1.2 alert this console can read; nothing was stored. */
public final class CapInvalid extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One thing wrong with a document: where (an element path such as {@code /alert/info[1]/area[2]/polygon[1]}, and
     * the line, 0 when unknown) and why, in English for the log; screens show {@link #kind()} in the user's language.
     */
    public record Problem(String path, int line, Kind kind, String message) {
        @Override
        public String toString() {
            return path + (line > 0 ? " (line " + line + ")" : "") + ": " + message;
        }
    }

    /** What kind of problem, for the screens' words (bundle key {@code cap.problem.<kind>}). */
    public enum Kind {
        /** Larger than {@link CapReader#MAX_BYTES}, or more elements than {@link CapReader#MAX_ELEMENTS}. */
        TOO_LARGE,
        /** Not well-formed XML, a DOCTYPE, an entity, nesting too deep, a text too long. */
        NOT_XML,
        /** The root is not a CAP 1.2 alert. */
        NOT_CAP,
        /** A required element is missing. */
        MISSING,
        /** A value is not one CAP allows (an enumeration, a time, a coordinate). */
        BAD_VALUE,
        /** Against the OASIS CAP 1.2 schema. */
        SCHEMA
    }

    private final transient List<Problem> problems;

    public CapInvalid(List<Problem> problems) {
        super(problems.size() + " problem(s), first: " + (problems.isEmpty() ? "-" : problems.get(0)));
        this.problems = List.copyOf(problems);
    }

    public static CapInvalid of(String path, int line, Kind kind, String message) {
        return new CapInvalid(List.of(new Problem(path, line, kind, message)));
    }

    /** Each problem, in document order. */
    public List<Problem> problems() {
        return problems;
    }
}
