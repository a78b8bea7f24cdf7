package org.medfed.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The import rules of the architecture guide, so that a wrong import fails the build. */
class DependencyRulesTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.medfed");
    }

    @Test
    void theEngineNeedsOnlyTheJdkAndSlf4j() {
        classes().that().resideInAPackage("org.medfed.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.slf4j..", "org.medfed.engine..")
                .because("every other package builds on the engine, and it must run headless and anywhere")
                .check(production);
    }

    @Test
    void onlyTheModelPackageTouchesDl4j() {
        noClasses().that().resideOutsideOfPackage("org.medfed.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
                .check(production);
    }

    @Test
    void onlyTheProjectPackageUsesJacksonForJson() {
        noClasses().that().resideOutsideOfPackage("org.medfed.project..")
                .and().resideOutsideOfPackage("org.medfed.data..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .check(production);
        noClasses().that().resideInAPackage("org.medfed.data..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.databind..")
                .because("data may read CSV with Jackson, but JSON files belong to the project package")
                .check(production);
    }

    @Test
    void onlyTheGuiUsesJavaFxControlsFxAndJFreeChartFx() {
        noClasses().that().resideOutsideOfPackage("org.medfed.gui..")
                .and().resideOutsideOfPackage("org.medfed.report..")
                .and().doNotHaveFullyQualifiedName("org.medfed.Main")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..")
                .check(production);
        // plain JFreeChart draws the PNG plots of the command line (report) and the same charts in the workbench
        noClasses().that().resideOutsideOfPackage("org.medfed.gui..")
                .and().resideOutsideOfPackage("org.medfed.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jfree..")
                .check(production);
    }

    @Test
    void reportsDrawPngChartsWithPlainJFreeChartOnly() {
        noClasses().that().resideInAPackage("org.medfed.report..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..",
                        "org.jfree.fx..")
                .because("reports are written headless (PNG); the GUI shows the same JFreeChart objects in its own viewer")
                .check(production);
    }

    @Test
    void theCommandLineAndTheGuiNeverImportEachOther() {
        noClasses().that().resideInAPackage("org.medfed.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.medfed.gui..")
                .check(production);
        noClasses().that().resideInAPackage("org.medfed.gui..")
                .should().dependOnClassesThat().resideInAPackage("org.medfed.cli..")
                .check(production);
    }

    @Test
    void noTwoCapabilitiesDependOnEachOther() {
        slices().matching("org.medfed.(*)..").should().beFreeOfCycles()
                .because("a package per capability: a cycle means neither can be understood, tested or moved alone")
                .check(production);
    }
}
