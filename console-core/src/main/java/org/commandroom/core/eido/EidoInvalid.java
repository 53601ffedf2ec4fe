package org.commandroom.core.eido;

import java.util.List;

/** A document that is not a valid EIDO, or not one this console can read; nothing was imported. */
public final class EidoInvalid extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<EidoSchema.Problem> problems;

    private final boolean unusable;

    public EidoInvalid(List<EidoSchema.Problem> problems) {
        this(problems, false);
    }

    /** @param unusable a readable EIDO that gives no call this console can record (no type, no place) */
    public EidoInvalid(List<EidoSchema.Problem> problems, boolean unusable) {
        super(problems.size() + " problem(s), first: " + (problems.isEmpty() ? "-" : problems.get(0)));
        this.problems = List.copyOf(problems);
        this.unusable = unusable;
    }

    /** True when the document was read but gives no call this console can record; false when it is not a valid EIDO. */
    public boolean unusable() {
        return unusable;
    }

    /** Each problem with its JSON path, ordered by path. */
    public List<EidoSchema.Problem> problems() {
        return problems;
    }
}
