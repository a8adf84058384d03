package org.ndsw.stats;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the statistics core pure: no UI, database, CLI, JSON, charts or training engine. */
class StatsArchitectureTest {
    @Test
    void statsImportsNoUiDatabaseCliJsonChartsOrEngine() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        // Dependencies are judged by name, so the classes they point to need not be loaded (much faster).
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            JavaClasses classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                    .importPackages("org.ndsw.stats");
            noClasses().that().resideInAPackage("org.ndsw.stats..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "javafx..", "java.sql..", "picocli..", "com.fasterxml..", "org.deeplearning4j..",
                            "org.nd4j..", "ai.djl..", "org.jfree..", "org.ndsw.cli..", "org.ndsw.ui..")
                    .check(classes);
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }
}
