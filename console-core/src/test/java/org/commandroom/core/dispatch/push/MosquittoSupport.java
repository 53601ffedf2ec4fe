package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** What every test on a real Mosquitto does first: make sure it is there, and start one on a free port. */
final class MosquittoSupport {

    static final Path SUB = Path.of("/usr/bin/mosquitto_sub");
    static final Path PUB = Path.of("/usr/bin/mosquitto_pub");

    private MosquittoSupport() {
    }

    /**
     * Needs Debian's Mosquitto, which {@code .ci/run} installs where it is missing. A missing Mosquitto fails the test
     * with how to get it, in CI and on a developer's machine alike: a test skipped for want of its service proves
     * nothing.
     */
    static void requireInstalled() {
        require(MosquittoBroker.installed(), "Mosquitto is not installed at " + MosquittoBroker.BINARY
                + " (apt-get install mosquitto, or run .ci/run, which installs it)");
    }

    /** As {@link #requireInstalled()}, and Mosquitto's command-line clients too. */
    static void requireInstalledWithClients() {
        require(MosquittoBroker.installed() && Files.isExecutable(SUB) && Files.isExecutable(PUB),
                "Mosquitto and its clients are not installed (apt-get install mosquitto mosquitto-clients, or run "
                        + ".ci/run, which installs them)");
    }

    /** A Mosquitto of its own on a free loopback port, started. */
    static MosquittoBroker startBroker() throws Exception {
        MosquittoBroker broker = new MosquittoBroker(EmbeddedBroker.freePort());
        broker.start();
        return broker;
    }

    private static void require(boolean installed, String missing) {
        assertTrue(installed, missing);
    }
}
