package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The check every test on a real Mosquitto makes first. */
final class MosquittoSupport {

    private MosquittoSupport() {
    }

    /**
     * Needs Debian's Mosquitto, which {@code .ci/run} installs where it is missing. Under CI a missing Mosquitto
     * fails the run (a test skipped for want of its service proves nothing); a developer without it is told how to
     * get it and the test is skipped.
     */
    static void requireInstalled() {
        String missing = "Mosquitto is not installed at " + MosquittoBroker.BINARY + " (apt-get install mosquitto, or run "
                + ".ci/run, which installs it)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(MosquittoBroker.installed(), missing);
        }
        org.junit.jupiter.api.Assertions.assertTrue(System.getenv("CI") == null || MosquittoBroker.installed(), "CI: .ci/run installs it; " + missing);
    }
}
