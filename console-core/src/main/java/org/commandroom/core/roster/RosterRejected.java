package org.commandroom.core.roster;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A change of the duty roster refused, with every problem found (nothing was written). Each problem is a code and
 * its arguments, which the screens put in the user's language; {@link #getMessage()} is English for the log.
 */
public final class RosterRejected extends RuntimeException {

    /** What is wrong. The arguments of each are listed in order. */
    public enum Code {
        /** station code */
        NO_SUCH_STATION,
        /** badge number */
        NO_SUCH_OFFICER,
        /** badge number (a retired officer) */
        OFFICER_RETIRED,
        /** badge number (named twice on one shift) */
        SAME_OFFICER_TWICE,
        /** (none): a shift needs at least one duty commander */
        NO_COMMANDER,
        /** (none): the end is not after the start */
        ENDS_BEFORE_START,
        /** the longest shift in hours */
        TOO_LONG,
        /** maximum length of the notes */
        NOTES_LENGTH,
        /** the shift's id (deleted meanwhile by another workstation) */
        NO_SUCH_SHIFT,
        /** the number of shifts already in the target week */
        TARGET_WEEK_NOT_EMPTY,
        /** (none): the week to copy has no shifts */
        NOTHING_TO_COPY
    }

    /** One problem: its code and arguments. */
    public record Problem(Code code, List<String> args) {
        public Problem {
            args = List.copyOf(args);
        }

        static Problem of(Code code, Object... args) {
            return new Problem(code, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }

        @Override
        public String toString() {
            return args.isEmpty() ? code.name() : code + " " + args;
        }
    }

    private final List<Problem> problems;

    public RosterRejected(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
