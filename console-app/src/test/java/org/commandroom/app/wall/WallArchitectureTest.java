package org.commandroom.app.wall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The wall's read-only guarantee in its code: nothing in the wall's composition can reach a service that writes, and
 * its panels reach the database only through core's read-only {@code WallStatistics} and the index's readers.
 */
@AnalyzeClasses(packages = "org.commandroom.app.wall", importOptions = ImportOption.DoNotIncludeTests.class)
class WallArchitectureTest {

    @ArchTest
    static final ArchRule theWallBuildsNoServiceThatWrites = noClasses()
            .that().resideInAPackage("org.commandroom.app.wall..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.commandroom.core.incident.IncidentService")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.commandroom.core.unit.UnitService")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.commandroom.core.dispatch..", "org.commandroom.core.intake..",
                    "org.commandroom.core.demo..", "org.commandroom.core.draft..", "org.commandroom.core.eido..",
                    "org.commandroom.core.geo.io..", "org.commandroom.core.alert..", "org.commandroom.core.audit..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.commandroom.core.live.ChangeRecorder")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.commandroom.core.store.Numbering")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.commandroom.core.roster.RosterService")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.commandroom.core.index.IndexEngine")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.commandroom.core.index.IndexUpdater")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.commandroom.core.index.ManualScores")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.commandroom.core.index.ReminderService")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.commandroom.core.index.EvaluationSheet")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.commandroom.app.IndexModule")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.commandroom.app.AppServices")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.commandroom.app.PushRuntime")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.commandroom.app.Workflow")
            .because("the wall display cannot change data: it is composed of readers only (issue 12)");

    @ArchTest
    static final ArchRule panelsReachTheDatabaseOnlyThroughCoreReaders = noClasses()
            .that().resideInAPackage("org.commandroom.app.wall..")
            .and().doNotHaveSimpleName("WallContext")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "javax.sql..", "org.h2..",
                    "org.postgresql..", "com.zaxxer..", "org.flywaydb..")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Dao")
            .because("panels read through WallStatistics and the index's readers, never JDBC or Jdbi");
}
