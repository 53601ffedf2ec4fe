package org.commandroom.core.dispatch.push;


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

    @BeforeAll
    static void mosquittoIsInstalled() {
        MosquittoSupport.requireInstalled();
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
