package org.commandroom.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules for console-core's production classes (test classes are not imported). Each rule is built by
 * a method taking the package it applies to, so that {@link ArchitectureRulesCatchViolationsTest} can
 * apply the very same rule to deliberately violating classes and show that it fails.
 */
class ArchitectureTest {

    static final String CORE = "org.commandroom.core..";

    /** Core is the part without a UI: it must run in tests, tools and a headless server. */
    static ArchRule noJavaFx(String packages) {
        return noClasses().that().resideInAPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .because("console-core has no UI; JavaFX belongs in console-app");
    }

    /** Logging goes through SLF4J only; the binding (Logback) is the application's choice. */
    static ArchRule onlySlf4j(String packages) {
        return noClasses().that().resideInAPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "ch.qos.logback..",
                        "org.apache.log4j..", "org.apache.logging.log4j..", "org.apache.commons.logging..",
                        "org.tinylog..")
                .because("core logs through SLF4J only");
    }

    static ArchRule noConsoleOutput(String packages) {
        return noClasses().that().resideInAPackage(packages)
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("a workstation runs for days with nobody reading a console; write to the log");
    }

    static ArchRule noPrintStackTrace(String packages) {
        return noClasses().that().resideInAPackage(packages)
                // By name: e.printStackTrace() on an Exception is a call to Exception.printStackTrace,
                // which callMethod(Throwable.class, ...) does not match.
                .should().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("printStackTrace")))
                .because("stack traces go to the log, with context");
    }

    /** Package by feature, and core below the client: nothing in core may reach into an app or ui package. */
    static ArchRule noAppPackages(String packages) {
        return noClasses().that().resideInAPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage("..app..", "..ui..")
                .because("console-app uses console-core, never the other way round");
    }

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.commandroom.core");
    }

    @Test
    void coreDoesNotDependOnJavaFx() {
        noJavaFx(CORE).check(core);
    }

    @Test
    void coreLogsOnlyThroughSlf4j() {
        onlySlf4j(CORE).check(core);
    }

    @Test
    void coreDoesNotWriteToSystemOutOrSystemErr() {
        noConsoleOutput(CORE).check(core);
    }

    @Test
    void coreDoesNotPrintStackTraces() {
        noPrintStackTrace(CORE).check(core);
    }

    @Test
    void coreDoesNotDependOnTheApplicationOrItsUi() {
        noAppPackages(CORE).check(core);
    }

    @Test
    void theRulesSeeTheProductionClasses() {
        // A rule over an empty import passes whatever it says; make sure the import found core.
        if (core.stream().noneMatch(c -> c.getName().equals("org.commandroom.core.store.Database"))) {
            throw new AssertionError("ArchUnit imported no core classes: " + core.size());
        }
    }
}
