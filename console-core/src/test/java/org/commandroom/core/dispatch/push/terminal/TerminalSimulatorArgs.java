package org.commandroom.core.dispatch.push.terminal;

/** Opens the simulator's package-private argument parser to tests in other packages. */
public final class TerminalSimulatorArgs {

    private TerminalSimulatorArgs() {
    }

    public static TerminalSimulator.Settings parse(String... args) {
        return TerminalSimulator.parse(args);
    }
}
