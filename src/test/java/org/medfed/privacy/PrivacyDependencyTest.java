package org.medfed.privacy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The privacy package builds on the engine, the JDK's cryptography, Bouncy Castle's X25519 arithmetic (pure Java,
 * RFC 7748 only: several times faster than the JDK 17 provider, see X25519) and commons-math3's erfc, nothing else.
 */
class PrivacyDependencyTest {

    @Test
    void privacyNeedsOnlyTheEngineTheJdkAndCommonsMath() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.medfed.privacy");
        classes().that().resideInAPackage("org.medfed.privacy..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "org.slf4j..",
                        "org.apache.commons.math3.special..", "org.bouncycastle.math.ec.rfc7748..",
                        "org.medfed.engine..", "org.medfed.privacy..")
                .because("privacy must not pull in DL4J, JavaFX or Jackson, and must run wherever the engine runs")
                .check(production);
    }
}
