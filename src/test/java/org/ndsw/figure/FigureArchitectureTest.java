package org.ndsw.figure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps figures renderable anywhere and the app layer free of the CLI. */
class FigureArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ndsw.figure", "org.ndsw.app");

    @Test
    void figureImportsNoJavaFxNoStatisticsAndNoUseCases() {
        noClasses().that().resideInAPackage("org.ndsw.figure..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "java.sql..", "picocli..", "com.fasterxml..", "org.ndsw.stats..",
                        "org.ndsw.app..", "org.ndsw.cli..", "org.ndsw.ui..")
                .check(CLASSES);
    }

    @Test
    void appServicesKnowNoCommandLineAndNoJavaFx() {
        noClasses().that().resideInAPackage("org.ndsw.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..", "org.ndsw.cli..",
                        "org.ndsw.ui..")
                .check(CLASSES);
    }
}
