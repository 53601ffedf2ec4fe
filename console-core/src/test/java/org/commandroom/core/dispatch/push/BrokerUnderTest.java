package org.commandroom.core.dispatch.push;

/** A real MQTT broker a test starts, stops and starts again on the same port. */
interface BrokerUnderTest extends AutoCloseable {

    void start() throws Exception;

    void stop() throws Exception;

    int port();

    default String serverUri() {
        return "tcp://127.0.0.1:" + port();
    }

    @Override
    default void close() throws Exception {
        stop();
    }
}
