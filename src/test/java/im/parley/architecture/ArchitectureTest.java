package im.parley.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import im.parley.architecture.ParleyArchitectureRules.NamedRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ARCHITECTURE.md, "Rules that tests enforce": every rule holds for the production classes, and every
 * rule fails on the fixtures built to break it, naming the offending classes (and not the allowed ones).
 */
@DisplayName("Architecture rules")
class ArchitectureTest {

    private static final String PRODUCTION_ROOT = "im.parley";
    private static final String FIXTURE_ROOT = "im.parley.architecture.fixtures.violations";

    /** For each rule: the fixture classes its failure must name. */
    private static final Map<String, List<String>> OFFENDERS = Map.ofEntries(
            entry("1", List.of("ui.bad.UiUsesXmppAdapter", "ui.bad.UiUsesSql")),
            entry("2", List.of("service.x.UsesJavaFx")),
            entry("3a", List.of("routing.RouteParser")),
            entry("3b", List.of("platform.KeychainWithJdbc", "ui.bad.UiUsesSql")),
            entry("4", List.of("ui.bad.BadViewModel", "ui.bad.SneakyViewModel$1")),
            entry("5", List.of("ui.bad.BadView")),
            entry("6a", List.of("ui.chat.RunsLaterOutsideCommon", "ui.chat.RunsLaterByReference")),
            entry("6b", List.of("platform.StartsThread", "platform.WorkerThread", "platform.ThreadByReference")),
            entry("7a", List.of("ui.alpha.AlphaFeature", "ui.beta.BetaFeature")),
            entry("7b", List.of("service.one.ServiceOne", "service.two.ServiceTwo")),
            entry("8a", List.of("xmpp.PrintsToConsole")),
            entry("8b", List.of("archive.PrintsStackTrace")),
            entry("8c", List.of("platform.LogsWithJul")),
            entry("8d", List.of("service.chat.LogsMessageBody", "service.account.LogsPassword")));

    /** For the rules with exceptions: fixture classes that use the exception and must not be reported. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "3a", List.of("xmpp.ChatAdapter", "app.Launcher"),
            "3b", List.of("archive.SqlStore", "app.Launcher"),
            "6a", List.of("ui.common.FxThread", "app.Launcher"));

    private static JavaClasses production;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PRODUCTION_ROOT);
        fixtures = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages(FIXTURE_ROOT);
    }

    static Stream<NamedRule> productionRules() {
        return ParleyArchitectureRules.rules(PRODUCTION_ROOT).stream();
    }

    static Stream<NamedRule> fixtureRules() {
        return ParleyArchitectureRules.rules(FIXTURE_ROOT).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("productionRules")
    @DisplayName("production code keeps")
    void productionKeepsRule(NamedRule rule) {
        rule.rule().check(production);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureRules")
    @DisplayName("fixtures built to break it make it fail:")
    void ruleFailsOnItsFixtures(NamedRule rule) {
        assertThatThrownBy(() -> rule.rule().check(fixtures))
                .isInstanceOf(AssertionError.class)
                .satisfies(error -> {
                    for (String offender : OFFENDERS.get(rule.id())) {
                        assertThat(error.getMessage()).contains(FIXTURE_ROOT + "." + offender);
                    }
                    for (String allowed : ALLOWED.getOrDefault(rule.id(), List.of())) {
                        assertThat(error.getMessage()).doesNotContain(FIXTURE_ROOT + "." + allowed);
                    }
                });
    }

    @Test
    @DisplayName("every rule of the guide has fixtures that prove it can fail")
    void everyRuleHasFixtures() {
        assertThat(ParleyArchitectureRules.rules(PRODUCTION_ROOT)).extracting(NamedRule::id)
                .containsExactlyInAnyOrderElementsOf(OFFENDERS.keySet())
                .doesNotHaveDuplicates();
        List<String> fixtureNames = fixtures.stream().map(JavaClass::getName).toList();
        OFFENDERS.values().stream().flatMap(List::stream)
                .forEach(offender -> assertThat(fixtureNames).contains(FIXTURE_ROOT + "." + offender));
    }

    @Test
    @DisplayName("the production import holds the product and none of the test classes or fixtures")
    void productionImportIsTheProduct() {
        assertThat(production.contain("im.parley.service.chat.ChatService")).isTrue();
        assertThat(production.contain("im.parley.archive.InMemoryMessageStore")).isTrue();
        assertThat(production.stream().map(JavaClass::getPackageName).collect(Collectors.toSet()))
                .noneMatch(p -> p.startsWith("im.parley.architecture"))
                .allMatch(p -> p.startsWith(PRODUCTION_ROOT));
        assertThat(production.contain(ArchitectureTest.class.getName())).isFalse();
    }

    @Test
    @DisplayName("the fixture import holds only fixtures")
    void fixtureImportIsOnlyFixtures() {
        assertThat(fixtures).isNotEmpty();
        assertThat(fixtures.stream().map(JavaClass::getName)).allMatch(n -> n.startsWith(FIXTURE_ROOT + "."));
    }
}
