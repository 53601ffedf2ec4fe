package org.commandroom.core.index;

/**
 * A definition file that cannot be used, with what is wrong and where: the indicator (or capability)
 * and the field, e.g. "indicator I07, field thresholds.pass: ...".
 */
public final class DefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String field;

    public DefinitionException(String subject, String field, String problem) {
        super(format(subject, field, problem));
        this.subject = subject;
        this.field = field;
    }

    public DefinitionException(String problem, Throwable cause) {
        super(problem, cause);
        this.subject = null;
        this.field = null;
    }

    private static String format(String subject, String field, String problem) {
        StringBuilder b = new StringBuilder();
        if (subject != null) {
            b.append(subject);
        }
        if (field != null) {
            b.append(b.length() > 0 ? ", " : "").append("field ").append(field);
        }
        return b.length() == 0 ? problem : b + ": " + problem;
    }

    /** "indicator I07", "capability INCIDENTS", or null for the file's top level. */
    public String subject() {
        return subject;
    }

    /** The field, as a dotted path inside the subject (e.g. "thresholds.pass"); null if the whole file. */
    public String field() {
        return field;
    }
}
