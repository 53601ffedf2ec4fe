package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same push scenarios against Mosquitto (the broker a bureau would run), started by the test on a
 * free port. Skipped, with the reason, where Mosquitto is not installed; the embedded-broker variant
 * ({@link PushOverEmbeddedBrokerTest}) always runs.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class PushOverMosquittoTest extends PushScenarios {

    @Parameter
    TestDb kind;

    private static MosquittoBroker shared;

    /**
     * Needs Debian's Mosquitto, which {@code .ci/run} installs where it is missing. Under CI a missing Mosquitto
     * fails the run (a test skipped for want of its service proves nothing); a developer without it is told how to
     * get it and the test is skipped.
     */
    @BeforeAll
    static void mosquittoIsInstalled() {
        String missing = "Mosquitto is not installed at " + MosquittoBroker.BINARY + " (apt-get install mosquitto, or run "
                + ".ci/run, which installs it)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(MosquittoBroker.installed(), missing);
        }
        org.junit.jupiter.api.Assertions.assertTrue(System.getenv("CI") == null || MosquittoBroker.installed(), "CI: .ci/run installs it; " + missing);
    }

    @AfterAll
    static void stopShared() throws Exception {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    @Override
    TestDb database() {
        return kind;
    }

    @Override
    BrokerUnderTest sharedBroker() throws Exception {
        synchronized (PushOverMosquittoTest.class) {
            if (shared == null) {
                shared = new MosquittoBroker(EmbeddedBroker.freePort());
                shared.start();
            }
            return shared;
        }
    }

    @Override
    BrokerUnderTest newBroker() throws Exception {
        return new MosquittoBroker(EmbeddedBroker.freePort());
    }
}
