package org.commandroom.core.eido;

import java.util.List;

/** A document that is not a valid EIDO, or not one this console can read; nothing was imported. */
public final class EidoInvalid extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<EidoSchema.Problem> problems;

    public EidoInvalid(List<EidoSchema.Problem> problems) {
        super(problems.size() + " problem(s), first: " + (problems.isEmpty() ? "-" : problems.get(0)));
        this.problems = List.copyOf(problems);
    }

    /** Each problem with its JSON path, ordered by path. */
    public List<EidoSchema.Problem> problems() {
        return problems;
    }
}
