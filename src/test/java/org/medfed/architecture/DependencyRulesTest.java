package org.medfed.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;

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
    void onlyTheOnnxPackageTouchesOnnxRuntimeAndTheOnnxSchema() {
        noClasses().that().resideOutsideOfPackage("org.medfed.model.onnx..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.onnxruntime..", "onnx..")
                .because("ONNX files are written and run in one place; the rest of the app sees OnnxExport and OnnxModel")
                .check(production);
    }

    @Test
    void onlyTheProjectPackageUsesJacksonForJson() {
        noClasses().that().resideOutsideOfPackage("org.medfed.project..")
                .and().resideOutsideOfPackage("org.medfed.data..")
                .and().doNotHaveFullyQualifiedName("org.medfed.io.DecimalText")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .check(production);
        classes().that().haveFullyQualifiedName("org.medfed.io.DecimalText")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson.core.io.schubfach..", "org.medfed.io..")
                .because("jackson-core's number conversion is the only part of Jackson used outside the file packages")
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

    /** Constructors and factories that start threads of their own, or hand work to a pool nobody closes. */
    private static final DescribedPredicate<JavaAccess<?>> MAKES_THREADS = DescribedPredicate.describe(
            "makes a thread or an executor (new Thread, Executors.*, a ThreadPoolExecutor, a ForkJoinPool, a Timer, "
                    + "a parallel stream)", access -> makesThreads(access.getTargetOwner(), access.getName()));

    private static boolean makesThreads(JavaClass owner, String member) {
        boolean constructor = member.equals("<init>");
        if (constructor) {
            return owner.isAssignableTo(Thread.class) || owner.isAssignableTo(ThreadPoolExecutor.class)
                    || owner.isAssignableTo(ForkJoinPool.class) || owner.isAssignableTo(java.util.Timer.class);
        }
        return owner.isEquivalentTo(Executors.class) && !member.equals("callable")
                || owner.isEquivalentTo(ForkJoinPool.class) && member.equals("commonPool")
                || owner.isEquivalentTo(Thread.class) && Set.of("ofVirtual", "ofPlatform", "startVirtualThread")
                        .contains(member)
                || owner.isAssignableTo(java.util.Collection.class) && member.equals("parallelStream")
                || owner.isAssignableTo(java.util.stream.BaseStream.class) && member.equals("parallel")
                || owner.isEquivalentTo(java.util.concurrent.CompletableFuture.class)
                        && (member.endsWith("Async") || member.equals("delayedExecutor"));
    }

    /**
     * One owner of the program's threads ({@code concurrency.Workers}): made where the program starts, handed down,
     * closed on exit. Exceptions, none of them ours to make: gRPC's netty event loops and its default channel
     * executor are configured through the builders (the coordinator's server is given a pool of the workers) and
     * shared by gRPC, daemon threads it releases when the last channel or server closes; JavaFX's own threads (the
     * FX application thread, the renderer) are the toolkit's. Tests make threads as they need.
     */
    @Test
    void onlyTheWorkersMakeThreadsOrExecutors() {
        noClasses().that().resideOutsideOfPackage("org.medfed.concurrency..")
                .should().accessTargetWhere(MAKES_THREADS)
                .because("every thread belongs to the program's one Workers, created at start-up and closed on exit, "
                        + "so none outlives the program and each is named for its job")
                .check(production);
    }
}
