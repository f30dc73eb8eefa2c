package im.parley.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of ARCHITECTURE.md, "Rules that tests enforce", as ArchUnit rules over any root package:
 * {@code im.parley} for the product, and a fixture root whose sub-packages imitate it to prove that
 * every rule can fail. Each rule tolerates an empty subject ({@code allowEmptyShould}) because whole
 * packages (ui features, routing, archive...) may not exist yet.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Rule 6 forbids creating a {@link Thread} with a constructor (call or {@code Thread::new}
 *       reference, including subclasses), which is what "nobody calls new Thread(...)" says. The
 *       {@code Thread.ofVirtual()/ofPlatform()} builders handed to an executor as a factory stay
 *       allowed, as does the factory an executor uses internally.</li>
 *   <li>Rule 8, "never log message bodies, passwords or keys", cannot be proven by ArchUnit, which
 *       sees calls but not data flow. The rule here catches the common slip, a secret accessor
 *       ({@code body()}, {@code getBody()}, {@code password()}, {@code toXML()}, anything named like a
 *       secret or private key) called on the same source line as an SLF4J call. A secret kept in a
 *       local variable first, or passed on a later line of a multi-line call, is not seen.
 *       The other half is {@code ToStringHidesSecretsTest}: the domain objects that carry a body or
 *       password ({@code ChatMessage}, {@code OutgoingMessage}, {@code InboundChat.Incoming},
 *       {@code LoginRequest}...) leave them out of {@code toString()}, so logging the object is safe.</li>
 * </ul>
 */
public final class ParleyArchitectureRules {

    /** One rule of the guide, with its number there and the rule text. */
    public record NamedRule(String id, String description, ArchRule rule) {
        @Override
        public String toString() {
            return "rule " + id + ": " + description;
        }
    }

    private static final Set<String> JUL_LOGGING_METHODS = Set.of("log", "logp", "logrb", "severe", "warning",
            "info", "config", "fine", "finer", "finest", "entering", "exiting", "throwing");
    private static final Set<String> SECRET_BODY_ACCESSORS = Set.of("body", "getBody", "getBodies", "toXML");
    private static final Pattern SECRET_NAMES = Pattern.compile(
            "(?i).*(password|passphrase|secret|privatekey|private_key).*");

    private ParleyArchitectureRules() {
    }

    /** Every rule, in the order of the guide, for the classes under {@code root}. */
    public static List<NamedRule> rules(String root) {
        return List.of(
                new NamedRule("1", "ui never depends on xmpp, archive, Smack, jxmpp or java.sql",
                        uiDependsOnNoAdapter(root)),
                new NamedRule("2", "service, routing, xmpp, archive and platform never depend on JavaFX",
                        onlyUiUsesJavaFx(root)),
                new NamedRule("3a", "only xmpp (and app) depend on Smack or jxmpp", onlyXmppUsesSmack(root)),
                new NamedRule("3b", "only archive (and app) depend on java.sql or SQLite", onlyArchiveUsesSql(root)),
                new NamedRule("4", "*ViewModel classes never depend on javafx.scene, javafx.stage or javafx.fxml",
                        viewModelsDoNotTouchTheSceneGraph(root)),
                new NamedRule("5", "*View classes never depend on service, xmpp or archive",
                        viewsTalkOnlyToTheirViewModel(root)),
                new NamedRule("6a", "only ui.common (and app) call Platform.runLater",
                        onlyUiCommonCallsRunLater(root)),
                new NamedRule("6b", "nobody creates a Thread with its constructor", noThreadConstructors(root)),
                new NamedRule("7a", "no cycles between ui.* packages", uiPackagesFreeOfCycles(root)),
                new NamedRule("7b", "no cycles between service.* packages", servicePackagesFreeOfCycles(root)),
                new NamedRule("8a", "nobody writes to System.out or System.err", noConsoleOutput(root)),
                new NamedRule("8b", "nobody calls printStackTrace", noPrintStackTrace(root)),
                new NamedRule("8c", "logging goes through SLF4J, not java.util.logging, System.Logger, Log4j or "
                        + "Commons Logging", logOnlyThroughSlf4j(root)),
                new NamedRule("8d", "no message body, password or key is passed to a logger on the same line",
                        noSecretsLogged(root)));
    }

    // Rule 1
    public static ArchRule uiDependsOnNoAdapter(String root) {
        return noClasses().that().resideInAPackage(root + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".xmpp..", root + ".archive..",
                        "org.jivesoftware..", "org.jxmpp..", "java.sql..", "javax.sql..")
                .because("views and view models reach the network and the archive only through services")
                .allowEmptyShould(true);
    }

    // Rule 2
    public static ArchRule onlyUiUsesJavaFx(String root) {
        return noClasses().that().resideInAnyPackage(root + ".service..", root + ".routing..", root + ".xmpp..",
                        root + ".archive..", root + ".platform..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the domain and the adapters are plain Java, testable without a toolkit")
                .allowEmptyShould(true);
    }

    // Rule 3, Smack half
    public static ArchRule onlyXmppUsesSmack(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".xmpp..", root + ".app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jivesoftware..", "org.jxmpp..")
                .because("the xmpp adapters are the only place that knows Smack")
                .allowEmptyShould(true);
    }

    // Rule 3, database half
    public static ArchRule onlyArchiveUsesSql(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".archive..", root + ".app..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..",
                        "net.zetetic..", "io.github.willena..")
                .because("the archive adapters are the only place that knows the database")
                .allowEmptyShould(true);
    }

    // Rule 4
    public static ArchRule viewModelsDoNotTouchTheSceneGraph(String root) {
        return noClasses().that(declaredInTopLevelClassNamed("ViewModel")).and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.fxml..")
                .because("view models are tested without a toolkit; only javafx.beans/collections are fine")
                .allowEmptyShould(true);
    }

    // Rule 5
    public static ArchRule viewsTalkOnlyToTheirViewModel(String root) {
        return noClasses().that(declaredInTopLevelClassNamed("View")).and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".service..", root + ".xmpp..",
                        root + ".archive..")
                .because("views talk only to their view model")
                .allowEmptyShould(true);
    }

    // Rule 6, FX thread half
    public static ArchRule onlyUiCommonCallsRunLater(String root) {
        return classes().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".ui.common..", root + ".app..")
                .should(notCallOrReference("call Platform.runLater (use the injected UiExecutor)",
                        t -> t.getOwner().getName().equals("javafx.application.Platform")
                                && t.getName().equals("runLater")))
                .allowEmptyShould(true);
    }

    // Rule 6, thread half
    public static ArchRule noThreadConstructors(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(notCallOrReference("create a Thread with its constructor (use an executor)",
                        t -> t.getName().equals("<init>") && t.getOwner().isAssignableTo(Thread.class)))
                .allowEmptyShould(true);
    }

    // Rule 7
    public static ArchRule uiPackagesFreeOfCycles(String root) {
        return slices().matching(root + ".ui.(*)..").namingSlices("ui.$1")
                .should().beFreeOfCycles()
                .allowEmptyShould(true);
    }

    // Rule 7
    public static ArchRule servicePackagesFreeOfCycles(String root) {
        return slices().matching(root + ".service.(*)..").namingSlices("service.$1")
                .should().beFreeOfCycles()
                .allowEmptyShould(true);
    }

    // Rule 8
    public static ArchRule noConsoleOutput(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<>("not access System.out or System.err (log through SLF4J)") {
                    @Override
                    public void check(JavaClass javaClass, ConditionEvents events) {
                        for (JavaFieldAccess access : javaClass.getFieldAccessesFromSelf()) {
                            if (access.getTarget().getOwner().isEquivalentTo(System.class)
                                    && Set.of("out", "err").contains(access.getTarget().getName())) {
                                events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    // Rule 8
    public static ArchRule noPrintStackTrace(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(notCallOrReference("call printStackTrace (log the exception through SLF4J)",
                        t -> t.getName().equals("printStackTrace") && t.getOwner().isAssignableTo(Throwable.class)))
                .allowEmptyShould(true);
    }

    // Rule 8
    public static ArchRule logOnlyThroughSlf4j(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().callMethodWhere(DescribedPredicate.describe("a logging method of java.util.logging.Logger",
                        call -> call.getTargetOwner().isAssignableTo(java.util.logging.Logger.class)
                                && JUL_LOGGING_METHODS.contains(call.getName())))
                .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.apache.log4j..",
                        "org.apache.logging.log4j..", "org.apache.commons.logging..")
                .because("one logging API, configured in one place (logback.xml)")
                .allowEmptyShould(true);
    }

    // Rule 8
    public static ArchRule noSecretsLogged(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<>("not pass a message body, password or key to an SLF4J logger") {
                    @Override
                    public void check(JavaClass javaClass, ConditionEvents events) {
                        List<JavaCodeUnitAccess<?>> accesses = codeUnitAccesses(javaClass).toList();
                        Map<Integer, List<JavaCodeUnitAccess<?>>> logCallsByLine = accesses.stream()
                                .filter(a -> a.getTargetOwner().getPackageName().startsWith("org.slf4j"))
                                .collect(Collectors.groupingBy(JavaAccess::getLineNumber, TreeMap::new,
                                        Collectors.toList()));
                        for (JavaCodeUnitAccess<?> access : accesses) {
                            if (isSecretAccessor(root, access.getTarget())
                                    && logCallsByLine.containsKey(access.getLineNumber())) {
                                events.add(SimpleConditionEvent.violated(access, access.getDescription()
                                        + ", on the same line as logging call "
                                        + logCallsByLine.get(access.getLineNumber()).getFirst().getTarget()
                                        .getFullName()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    private static boolean isSecretAccessor(String root, CodeUnitAccessTarget target) {
        String owner = target.getOwner().getName();
        boolean ownOrSmack = owner.startsWith(root + ".") || owner.startsWith("org.jivesoftware.");
        return (ownOrSmack && SECRET_BODY_ACCESSORS.contains(target.getName()))
                || SECRET_NAMES.matcher(target.getName()).matches();
    }

    /**
     * Selects classes by the simple name of their top-level class, so that nested and anonymous
     * classes inside {@code ChatView} count as part of the view (their own simple name is "" or "Cell").
     */
    static DescribedPredicate<JavaClass> declaredInTopLevelClassNamed(String suffix) {
        return DescribedPredicate.describe("are declared in a class named *" + suffix, javaClass -> {
            String name = javaClass.getName();
            String simple = name.substring(name.lastIndexOf('.') + 1);
            int dollar = simple.indexOf('$');
            String topLevel = dollar < 0 ? simple : simple.substring(0, dollar);
            return topLevel.endsWith(suffix);
        });
    }

    /** Method and constructor calls plus method and constructor references ({@code Platform::runLater}). */
    private static Stream<JavaCodeUnitAccess<?>> codeUnitAccesses(JavaClass javaClass) {
        return Stream.<JavaCodeUnitAccess<?>>concat(javaClass.getCodeUnitCallsFromSelf().stream(),
                javaClass.getCodeUnitReferencesFromSelf().stream());
    }

    private static ArchCondition<JavaClass> notCallOrReference(String what, Predicate<CodeUnitAccessTarget> target) {
        return new ArchCondition<>("not " + what) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                codeUnitAccesses(javaClass)
                        .filter(access -> target.test(access.getTarget()))
                        .forEach(access -> events.add(SimpleConditionEvent.violated(access,
                                access.getDescription())));
            }
        };
    }
}
