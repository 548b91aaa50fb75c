package org.winterwatch.coordinator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Pure cores, thin edges (ARCHITECTURE.md): what each module may not know about. */
class ModuleBoundariesTest {

    /** Imported once for every rule (a few seconds each time). */
    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.winterwatch");

    @Test
    void geoAndMissionsKnowNoFrameworkOrNetwork() {
        noClasses().that().resideInAnyPackage("org.winterwatch.geo..", "org.winterwatch.missions..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "org.eclipse.paho..", "io.mavsdk..",
                        "io.grpc..", "org.winterwatch.drone..", "org.winterwatch.simulator..",
                        "org.winterwatch.coordinator..", "org.winterwatch.alerts..")
                .check(classes);
    }

    @Test
    void onlyTheSweepStoreOfMissionsKnowsTheDatabase() {
        // ARCHITECTURE: missions owns the sweep repositories (JDBC); planning and geo stay free of it
        noClasses().that().resideInAnyPackage("org.winterwatch.geo..", "org.winterwatch.missions..")
                .and().resideOutsideOfPackage("org.winterwatch.missions.sweep")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..")
                .check(classes);
        noClasses().that().resideInAPackage("org.winterwatch.missions.sweep")
                .and().haveNameNotMatching(".*\\.(JdbcSweepRepository|SweepRows|SweepRepository)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void droneAdapterKnowsNeitherVertxNorMqttNorMissions() {
        noClasses().that().resideInAPackage("org.winterwatch.drone..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "org.eclipse.paho..",
                        "org.winterwatch.missions..", "org.winterwatch.coordinator..", "java.sql..")
                .check(classes);
    }

    @Test
    void simulatorKnowsNeitherCoordinatorNorMissions() {
        noClasses().that().resideInAPackage("org.winterwatch.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("org.winterwatch.coordinator..",
                        "org.winterwatch.missions..", "io.vertx..")
                .check(classes);
    }

    @Test
    void alertsKnowNeitherVertxNorMqttNorDronesNorTheCoordinator() {
        noClasses().that().resideInAPackage("org.winterwatch.alerts..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "org.eclipse.paho..", "io.mavsdk..",
                        "org.winterwatch.coordinator..")
                .check(classes);
    }

    @Test
    void alertBookAndWireFormatsArePlainJava() {
        noClasses().that().resideInAnyPackage("org.winterwatch.alerts.book..", "org.winterwatch.alerts.wire..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "org.eclipse.paho..", "java.sql..",
                        "io.mavsdk..")
                .check(classes);
    }
}
