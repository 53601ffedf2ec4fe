package org.commandroom.core.text;

/**
 * How what a drill exports says it is an exercise, so that no file made on a drill database can pass for a real one
 * (docs/drill/SCENARIOS.md, "Exports of a drill"): PDFs and CSVs carry {@link #MARK} at their head, EIDO documents
 * name {@link #EIDO_EXTENSION} in {@code eidoExtensionId} and carry {@link #EIDO_NOTE} as their first note, CAP
 * alerts have the status Exercise.
 */
public final class ExerciseMark {

    /** The words at the head of an exported PDF or CSV. */
    public static final String MARK = "演练 EXERCISE";

    /**
     * This console's EIDO extension id for "this incident is an exercise": NENA's EIDO has no status for it, and
     * lists the extensions a document uses in {@code eidoExtensionId}; the id is this project's, not (yet) in NENA's
     * registry.
     */
    public static final String EIDO_EXTENSION = "urn:commandroom:eido:ext:exercise:1";

    /** The EIDO note that says it in words, for a reader that knows no extension. */
    public static final String EIDO_NOTE = "演练 EXERCISE：本事件为演练数据，不是真实警情 / This incident is an exercise, not a real one.";

    private ExerciseMark() {
    }
}
