package org.commandroom.core.demo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** The generator and the DAOs it brought along stay free of JavaFX and log only through SLF4J. */
class DemoArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.commandroom.core.demo", "org.commandroom.core.org", "org.commandroom.core.geo",
                    "org.commandroom.core.camera");

    @Test
    void noJavaFxInTheGenerator() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void noWritesToStandardStreamsAndNoOtherLoggingFramework() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(classes);
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(classes);
    }
}
