package org.commandroom.core.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.commandroom.archfixture.violating.core.BadLogging;
import org.commandroom.archfixture.violating.core.UsesAppPackage;
import org.commandroom.archfixture.violating.core.UsesJavaFx;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureTest} fails on a violation. The violating classes are test sources
 * in {@code org.commandroom.archfixture.violating}, outside {@code org.commandroom.core}, so the real
 * rules never see them; here the same rules are applied to them and must report them by name.
 */
class ArchitectureRulesCatchViolationsTest {

    private static final String FIXTURE_CORE = "org.commandroom.archfixture.violating.core..";

    private final JavaClasses fixture = new ClassFileImporter().importPackages("org.commandroom.archfixture.violating");

    @Test
    void aCoreClassUsingJavaFxIsReported() {
        assertReports(ArchitectureTest.noJavaFx(FIXTURE_CORE), UsesJavaFx.class.getName());
    }

    @Test
    void aCoreClassUsingJavaUtilLoggingIsReported() {
        assertReports(ArchitectureTest.onlySlf4j(FIXTURE_CORE), "java.util.logging.Logger");
    }

    @Test
    void aCoreClassUsingLogbackDirectlyIsReported() {
        assertReports(ArchitectureTest.onlySlf4j(FIXTURE_CORE), "ch.qos.logback.classic.Logger");
    }

    @Test
    void aCoreClassWritingToSystemOutIsReported() {
        assertReports(ArchitectureTest.noConsoleOutput(FIXTURE_CORE), "System.out");
    }

    @Test
    void aCoreClassWritingToSystemErrIsReported() {
        assertReports(ArchitectureTest.noConsoleOutput(FIXTURE_CORE), "System.err");
    }

    @Test
    void aCoreClassPrintingAStackTraceIsReported() {
        assertReports(ArchitectureTest.noPrintStackTrace(FIXTURE_CORE), BadLogging.class.getName());
    }

    @Test
    void aCoreClassUsingAnAppPackageIsReported() {
        assertReports(ArchitectureTest.noAppPackages(FIXTURE_CORE), UsesAppPackage.class.getName());
    }

    private void assertReports(ArchRule rule, String expectedInReport) {
        EvaluationResult result = rule.evaluate(fixture);
        String report = result.getFailureReport().toString();
        assertTrue(result.hasViolation(), "no violation found by: " + rule.getDescription());
        assertTrue(report.contains(expectedInReport), "expected '" + expectedInReport + "' in:\n" + report);
    }
}
