package org.commandroom.core.drill;

/**
 * A scenario file that cannot be played, with where: the file, its line and column (1-based, 0 when unknown) and the
 * field (a JSON pointer such as {@code /timeline/2/call/type}).
 */
public final class ScenarioInvalid extends RuntimeException {

    private final String file;
    private final int line;
    private final int column;
    private final String field;
    private final String reason;

    public ScenarioInvalid(String file, int line, int column, String field, String reason) {
        super(file + ":" + line + ":" + column + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
