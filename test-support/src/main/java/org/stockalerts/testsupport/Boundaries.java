package org.stockalerts.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The package rules every module keeps, checked with ArchUnit by each module's {@code
 * BoundariesTest} on its main classes: no service uses another service's packages, {@code common}
 * uses none, and a module's feature packages ({@code org.stockalerts.<module>.<feature>..}) form no
 * cycle. A module adds its own rules with {@link #mainClasses(String)}.
 */
public final class Boundaries {

    private static final String ROOT = "org.stockalerts";
    private static final List<String> SERVICES = List.of("api", "alerting", "persistence", "analytics");

    private Boundaries() {}

    /** Checks the shared rules on the main classes of the module whose root package is {@code org.stockalerts.<module>}. */
    public static void check(String module) {
        JavaClasses classes = mainClasses(module);
        noOtherServiceUsedBy(module).check(classes);
        featuresFreeOfCycles(module).check(classes);
    }

    /** The main (not test) classes of {@code org.stockalerts.<module>}. */
    public static JavaClasses mainClasses(String module) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT + "." + module);
    }

    /** Checks that features {@code a} and {@code b} of {@code module} use none of each other's classes. */
    public static void checkIndependent(String module, String a, String b) {
        JavaClasses classes = mainClasses(module);
        noFeatureUses(module, a, b).check(classes);
        noFeatureUses(module, b, a).check(classes);
    }

    private static ArchRule noFeatureUses(String module, String user, String used) {
        return noClasses()
                .that()
                .resideInAPackage(packageOf(module, user))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(packageOf(module, used));
    }

    /** The package pattern of a module, for module-specific rules: {@code org.stockalerts.<module>.<feature>..}. */
    public static String packageOf(String module, String feature) {
        return ROOT + "." + module + "." + feature + "..";
    }

    private static ArchRule noOtherServiceUsedBy(String module) {
        String[] others = SERVICES.stream()
                .filter(service -> !service.equals(module))
                .map(service -> ROOT + "." + service + "..")
                .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(ROOT + "." + module + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("services share only common/ and the topics; each is deployed alone");
    }

    private static ArchRule featuresFreeOfCycles(String module) {
        return slices().matching(ROOT + "." + module + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("a cycle between feature packages makes neither movable nor testable alone");
    }
}
