package org.commandroom.core.dispatch.push;

import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The push scenarios against the embedded Moquette broker, on H2 and PostgreSQL. Always runs. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class PushOverEmbeddedBrokerTest extends PushScenarios {

    @Parameter
    TestDb kind;

    @Override
    TestDb database() {
        return kind;
    }

    private static EmbeddedBrokerHandle shared;

    @Override
    BrokerUnderTest sharedBroker() {
        synchronized (PushOverEmbeddedBrokerTest.class) {
            if (shared == null) {
                shared = new EmbeddedBrokerHandle(EmbeddedBroker.freePort());
                shared.start();
            }
            return shared;
        }
    }

    @AfterAll
    static void stopSharedBroker() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    @Override
    BrokerUnderTest newBroker() {
        return new EmbeddedBrokerHandle(EmbeddedBroker.freePort());
    }

    /** The embedded broker as a broker under test: stopped and started again on its port. */
    static final class EmbeddedBrokerHandle implements BrokerUnderTest {
        private final int port;
        private EmbeddedBroker running;

        EmbeddedBrokerHandle(int port) {
            this.port = port;
        }

        @Override
        public void start() {
            running = EmbeddedBroker.start(port);
        }

        @Override
        public void stop() {
            if (running != null) {
                running.stop();
                running = null;
            }
        }

        @Override
        public void close() {
            stop();
        }

        @Override
        public int port() {
            return port;
        }
    }
}
