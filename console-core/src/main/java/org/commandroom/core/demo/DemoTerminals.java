package org.commandroom.core.demo;

import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.push.terminal.TerminalSimulator;

/**
 * How the demo simulator's units sign for and feed back on the orders it dispatches: straight into the
 * database ({@link #direct}), or as terminals answering through the MQTT broker ({@link #mqtt}), so the
 * console's push, its acknowledgement listener and the push state on screen are exercised as in real use.
 */
public interface DemoTerminals {

    /** Signs for the order; false when that cannot happen now (the order has not reached the terminal). */
    boolean sign(long orderId);

    /** Feeds back on the order; false as for {@link #sign}. */
    boolean feedback(long orderId, String text);

    /** True when the answer reaches the database later (through the broker), false when it is there at once. */
    boolean asynchronous();

    /** The simulator's own direct writes, as before there was a push channel. */
    static DemoTerminals direct(OrderService orders, String actor) {
        return new DemoTerminals() {
            @Override
            public boolean sign(long orderId) {
                orders.sign(orderId, actor);
                return true;
            }

            @Override
            public boolean feedback(long orderId, String text) {
                orders.feedback(orderId, actor, text);
                return true;
            }

            @Override
            public boolean asynchronous() {
                return false;
            }
        };
    }

    /** Terminals on the broker (a {@link TerminalSimulator} answering on demand, already started). */
    static DemoTerminals mqtt(TerminalSimulator terminals) {
        return new DemoTerminals() {
            @Override
            public boolean sign(long orderId) {
                return terminals.sign(orderId);
            }

            @Override
            public boolean feedback(long orderId, String text) {
                return terminals.feedback(orderId, text);
            }

            @Override
            public boolean asynchronous() {
                return true;
            }
        };
    }
}
