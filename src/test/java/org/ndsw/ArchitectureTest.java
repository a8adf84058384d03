package org.ndsw;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The core packages stay free of UI, database, engine and CLI code (docs/ARCHITECTURE.md). */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ndsw");
    }

    @Test
    void corePackagesImportNoUiDatabaseEngineOrCli() {
        noClasses().that().resideInAnyPackage("org.ndsw.space..", "org.ndsw.complexity..", "org.ndsw.net..",
                        "org.ndsw.stats..", "org.ndsw.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "org.deeplearning4j..",
                        "org.nd4j..", "ai.djl..", "picocli..", "org.ndsw.cli..", "org.ndsw.ui..", "org.ndsw.catalog..",
                        "org.ndsw.train..", "org.ndsw.app..", "org.ndsw.bench..")
                .check(classes);
    }

    @Test
    void theAnalysisSpawnsNoProcess() {
        noClasses().that().resideInAPackage("org.ndsw.analysis..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
                .check(classes);
    }

    @Test
    void onlyTheCataloguePackageSpeaksJdbc() {
        noClasses().that().resideOutsideOfPackage("org.ndsw.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .check(classes);
    }

    @Test
    void theCatalogueKnowsNoUseCaseOrCommand() {
        noClasses().that().resideInAPackage("org.ndsw.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ndsw.app..", "org.ndsw.cli..", "org.ndsw.ui..",
                        "picocli..", "javafx..")
                .check(classes);
    }

    @Test
    void useCasesKnowNoCommandOrUi() {
        noClasses().that().resideInAPackage("org.ndsw.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ndsw.cli..", "org.ndsw.ui..", "picocli..",
                        "javafx..")
                .check(classes);
    }

    @Test
    void onlyTheBenchCommandsUseTheBenchmarks() {
        noClasses().that().resideOutsideOfPackages("org.ndsw.bench..", "org.ndsw.cli.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.ndsw.bench..")
                .check(classes);
    }

    @Test
    void benchmarksKnowNoCommandOrUi() {
        noClasses().that().resideInAPackage("org.ndsw.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ndsw.cli..", "org.ndsw.ui..", "picocli..",
                        "javafx..")
                .check(classes);
    }

    @Test
    void statisticsRunNoBenchmarkAndNoProcess() {
        noClasses().that().resideInAPackage("org.ndsw.stats..")
                .should().dependOnClassesThat().resideInAPackage("org.ndsw.bench..")
                .orShould().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Process.class)
                .check(classes);
    }

    @Test
    void figuresNeedNoJavaFx() {
        noClasses().that().resideInAPackage("org.ndsw.figure..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..", "java.sql..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheDjlEnginePackageImportsDjl() {
        noClasses().that().resideOutsideOfPackage("org.ndsw.train.djl..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .check(classes);
    }

    @Test
    void onlyTheDl4jEnginePackageImportsDl4jOrNd4j() {
        noClasses().that().resideOutsideOfPackage("org.ndsw.train.dl4j..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
                .check(classes);
    }

    @Test
    void trainingCoreKnowsNoEngineAndNoFrontEnd() {
        noClasses().that().resideInAnyPackage("org.ndsw.train", "org.ndsw.train.data")
                .should().dependOnClassesThat().resideInAnyPackage("org.ndsw.train.djl..", "org.ndsw.train.dl4j..",
                        "org.deeplearning4j..", "org.nd4j..", "javafx..", "picocli..", "org.ndsw.cli..",
                        "org.ndsw.ui..", "org.ndsw.app..")
                .check(classes);
    }
}
