package org.commandroom.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Layering rules for the client, checked on the main classes only. */
@AnalyzeClasses(packages = "org.commandroom.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule uiReachesTheDatabaseOnlyThroughCoreServices = noClasses()
            .that().resideInAPackage("org.commandroom.app.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "javax.sql..", "org.h2..",
                    "org.postgresql..", "com.zaxxer..", "org.flywaydb..")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Dao")
            .because("screens go through IncidentService, UnitService and friends, never JDBC or Jdbi");

    @ArchTest
    static final ArchRule nothingWritesToStandardOutOrErr = noClasses()
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("the console logs through SLF4J");

    @ArchTest
    static final ArchRule viewModelsNeverTouchNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.animation..")
            .because("ViewModels hold state as properties and are tested without a scene");

    @ArchTest
    static final ArchRule theReportIsDrawnWithoutJavaFx = noClasses()
            .that().resideInAPackage("org.commandroom.app.report..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the PDF report and its charts are made on the I/O executor with PDFBox and AWT, headless");

    @ArchTest
    static final ArchRule onlyTheApplicationCallsPlatformRunLater = noClasses()
            .that().resideInAPackage("org.commandroom.app.ui..")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
            .because("FX-thread hand-off goes through the injected callback executor (Tasks, ChangeFeed)");
}
