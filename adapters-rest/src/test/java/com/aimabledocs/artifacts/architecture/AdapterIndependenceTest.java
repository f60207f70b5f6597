package com.aimabledocs.artifacts.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.architecture.fixture.adapters.alpha.AlphaAlone;
import com.aimabledocs.artifacts.architecture.fixture.adapters.alpha.AlphaUsingBeta;
import com.aimabledocs.artifacts.architecture.fixture.adapters.beta.BetaStore;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No adapter module depends on another: each one implements or drives ports of the domain and application,
 * and whatever two adapters share goes through a port ({@code Outbox} between the persistence and messaging
 * adapters). This module's test class path holds the production classes of every {@code adapters-*} module, so
 * the rule runs here. The {@code worker} module is not an adapter of this kind: it is the worker's deployable,
 * and its Kafka consumer reads the wire format that {@code adapters-messaging} defines.
 */
class AdapterIndependenceTest {

    private static final String ADAPTERS = "com.aimabledocs.artifacts.adapters";
    private static final String FIXTURES = "com.aimabledocs.artifacts.architecture.fixture.adapters";

    /** Test classes of other modules reach this one in their test-jars; they are not production code. */
    private static final ImportOption DO_NOT_INCLUDE_TEST_JARS = location -> !location.contains("-tests.jar");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(DO_NOT_INCLUDE_TEST_JARS)
                .importPackages(ADAPTERS);
    }

    /** The sub-packages of {@code root}, one per adapter module, must not depend on each other. */
    static ArchRule adaptersIndependentOfEachOther(String root) {
        return slices().matching(root + ".(*)..").namingSlices("adapter '$1'")
                .should().notDependOnEachOther()
                .allowEmptyShould(false)
                .because("adapters meet only through the ports of the domain and application");
    }

    @Test
    void theImportedClasses_areEveryAdaptersProductionCode() {
        Set<String> adapters = production.stream()
                .map(c -> c.getPackageName().substring(ADAPTERS.length() + 1).split("\\.")[0])
                .collect(Collectors.toSet());

        assertThat(adapters).containsExactlyInAnyOrder("rest", "persistence", "storage", "messaging", "webhooks");
        assertThat(production.contain(ADAPTERS + ".persistence.PanacheOutbox")).isTrue();
        assertThat(production.contain(ADAPTERS + ".messaging.OutboxRelay")).isTrue();
        assertThat(production.stream()).as("no test class slipped in")
                .noneMatch(c -> c.getSimpleName().endsWith("Test") || c.getSimpleName().endsWith("IT"));
    }

    @Test
    void noAdapter_dependsOnAnother() {
        adaptersIndependentOfEachOther(ADAPTERS).check(production);
    }

    @Test
    void theRule_bitesOnAnAdapterThatUsesAnother() {
        ArchRule rule = adaptersIndependentOfEachOther(FIXTURES);
        JavaClasses violating = new ClassFileImporter().importClasses(AlphaUsingBeta.class, BetaStore.class);
        JavaClasses compliant = new ClassFileImporter().importClasses(AlphaAlone.class, BetaStore.class);

        assertThatThrownBy(() -> rule.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(AlphaUsingBeta.class.getName())
                .hasMessageContaining(BetaStore.class.getName());
        assertThatCode(() -> rule.check(compliant)).doesNotThrowAnyException();
    }

    @Test
    void theRule_failsOnAnEmptySetOfClasses() {
        assertThatThrownBy(() -> adaptersIndependentOfEachOther(ADAPTERS).check(new ClassFileImporter().importClasses()))
                .isInstanceOf(AssertionError.class);
    }
}
