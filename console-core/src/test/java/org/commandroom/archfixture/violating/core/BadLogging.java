package org.commandroom.archfixture.violating.core;

/** Deliberately logs every wrong way (see ArchitectureRulesCatchViolationsTest). */
public class BadLogging {
    private static final java.util.logging.Logger JUL = java.util.logging.Logger.getLogger("x");

    public void report(Exception e) {
        JUL.info("via java.util.logging");
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("x")).info("via Logback directly");
        System.out.println("to stdout");
        System.err.println("to stderr");
        e.printStackTrace();
    }
}
