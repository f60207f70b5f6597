package com.aimabledocs.artifacts.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.architecture.fixture.PlainJava;
import com.aimabledocs.artifacts.architecture.fixture.UsesAssertJ;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagon's dependency rule, said out loud: the domain and the application layer know nothing of
 * Quarkus, Jakarta, Hibernate, Kafka, the AWS SDK or Jackson, and the domain knows nothing of the
 * application layer. The rules refuse to pass on an empty set of classes, and the tests below prove
 * both that they check something and that they can fail.
 */
class DependencyRuleTest {

    private static final String ROOT = "com.aimabledocs.artifacts";
    private static final String DOMAIN = ROOT + ".domain..";
    private static final String APPLICATION = ROOT + ".application..";
    private static final String FIXTURE = ROOT + ".architecture.fixture..";

    static final String[] FRAMEWORKS = {
            "io.quarkus..", "jakarta..", "javax.persistence..", "org.hibernate..", "org.apache.kafka..",
            "software.amazon..", "io.smallrye..", "io.vertx..", "com.fasterxml.."};

    /** Test classes of the domain reach this module in its test-jar; they are not production code. */
    private static final ImportOption DO_NOT_INCLUDE_TEST_JARS = location -> !location.contains("-tests.jar");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(DO_NOT_INCLUDE_TEST_JARS)
                .importPackages(ROOT + ".domain", ROOT + ".application");
    }

    /** No class in {@code layers} depends on any of {@code forbidden}; fails when no class is in {@code layers}. */
    static ArchRule noDependencies(String[] layers, String... forbidden) {
        return noClasses().that().resideInAnyPackage(layers)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .allowEmptyShould(false)
                .because("domain and application are plain Java; frameworks belong in adapters");
    }

    static ArchRule frameworkFreeCore() {
        return noDependencies(new String[] {DOMAIN, APPLICATION}, FRAMEWORKS);
    }

    static ArchRule domainIndependentOfApplication() {
        return noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAPackage(APPLICATION)
                .allowEmptyShould(false)
                .because("dependencies point inwards: application -> domain, never back");
    }

    static ArchRule domainUsesTheJdkOnly() {
        return classes().that().resideInAPackage(DOMAIN)
                // javax.crypto is the JDK's own (java.base): the webhook signature is an HMAC
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..", "javax.crypto..")
                .allowEmptyShould(false)
                .because("the domain module has no dependency beyond the JDK");
    }

    static ArchRule applicationUsesDomainAndJdkOnly() {
        return classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
                .allowEmptyShould(false)
                .because("the application module depends on the domain only");
    }

    @Test
    void theImportedClasses_areTheRealProductionCode() {
        long domainClasses = production.stream().filter(c -> c.getPackageName().startsWith(ROOT + ".domain")).count();
        long applicationClasses = production.stream()
                .filter(c -> c.getPackageName().startsWith(ROOT + ".application")).count();

        assertThat(domainClasses).as("domain classes imported").isGreaterThan(20);
        assertThat(applicationClasses).as("application classes imported").isGreaterThan(10);
        assertThat(production.contain("com.aimabledocs.artifacts.domain.artifact.Artifact")).isTrue();
        assertThat(production.contain("com.aimabledocs.artifacts.application.service.GenerateArtifactService")).isTrue();
        assertThat(production.stream()).as("no test class slipped in")
                .noneMatch(c -> c.getSimpleName().endsWith("Test") || c.getSimpleName().endsWith("TestData")
                        || c.getPackageName().contains(".inmemory"));
    }

    @Test
    void domainAndApplication_dependOnNoFramework() {
        frameworkFreeCore().check(production);
    }

    @Test
    void domain_doesNotDependOnApplication() {
        domainIndependentOfApplication().check(production);
    }

    @Test
    void domain_dependsOnTheJdkOnly() {
        domainUsesTheJdkOnly().check(production);
    }

    @Test
    void application_dependsOnDomainAndTheJdkOnly() {
        applicationUsesDomainAndJdkOnly().check(production);
    }

    @Test
    void theRule_bitesOnAClassThatUsesAForbiddenLibrary() {
        String[] forbiddenPlusAssertJ = Stream.concat(Arrays.stream(FRAMEWORKS), Stream.of("org.assertj.."))
                .toArray(String[]::new);
        ArchRule rule = noDependencies(new String[] {FIXTURE}, forbiddenPlusAssertJ);
        JavaClasses violating = new ClassFileImporter().importClasses(UsesAssertJ.class);
        JavaClasses compliant = new ClassFileImporter().importClasses(PlainJava.class);

        assertThatThrownBy(() -> rule.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(UsesAssertJ.class.getName())
                .hasMessageContaining("org.assertj");
        assertThatCode(() -> rule.check(compliant)).doesNotThrowAnyException();
    }

    @Test
    void theRules_failOnAnEmptySetOfClasses() {
        JavaClasses none = new ClassFileImporter().importClasses();

        assertThat(none).isEmpty();
        for (ArchRule rule : new ArchRule[] {frameworkFreeCore(), domainIndependentOfApplication(), domainUsesTheJdkOnly(),
                applicationUsesDomainAndJdkOnly()}) {
            assertThatThrownBy(() -> rule.check(none)).as(rule.getDescription()).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void theRules_failWhenNoImportedClassIsInTheCheckedLayers() {
        JavaClasses onlyFixtures = new ClassFileImporter().importClasses(UsesAssertJ.class, PlainJava.class);

        assertThatThrownBy(() -> frameworkFreeCore().check(onlyFixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
