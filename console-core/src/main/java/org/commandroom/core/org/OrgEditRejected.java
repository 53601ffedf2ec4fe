package org.commandroom.core.org;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An edit of the organisation refused, with every problem found (nothing was written). Each problem is a code and
 * its arguments, which the screens put in the user's language; {@link #getMessage()} is English for the log and the
 * administration command.
 */
public final class OrgEditRejected extends RuntimeException {

    /** What is wrong. The arguments of each are listed in order. */
    public enum Code {
        /** badge number */
        NO_SUCH_OFFICER,
        /** call sign */
        NO_SUCH_UNIT,
        /** grid code */
        NO_SUCH_GRID,
        /** device code */
        NO_SUCH_CAMERA,
        /** station code */
        NO_SUCH_STATION,
        /** team name, station code */
        NO_SUCH_TEAM,
        /** maximum length */
        NAME_LENGTH,
        /** field, value */
        BAD_VALUE,
        /** phone as typed */
        BAD_PHONE,
        /** terminal id as typed */
        BAD_TERMINAL,
        /** terminal id, the unit that has it */
        TERMINAL_TAKEN,
        /** call sign */
        UNIT_BUSY,
        /** the grids' codes */
        STILL_GRID_OFFICER,
        /** badge number */
        NOT_COMMUNITY_OFFICER,
        /** badge number, the grid's station */
        OTHER_STATION,
        /** (none) */
        REASON_REQUIRED,
        /** badge number (a retired officer offered for a crew or a grid) */
        OFFICER_RETIRED,
        /** badge number, the open orders' numbers */
        OFFICER_HAS_OPEN_ORDER,
        /** call sign, the open orders' numbers */
        UNIT_HAS_OPEN_ORDER
    }

    /** One problem: its code and arguments. */
    public record Problem(Code code, List<String> args) {
        public Problem {
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            return args.isEmpty() ? code.name() : code + " " + args;
        }
    }

    private final List<Problem> problems;

    public OrgEditRejected(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
