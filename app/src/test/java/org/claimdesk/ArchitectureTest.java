package org.claimdesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the shape of docs/architecture.md true: data flows one way through the feature packages,
 * and only the window (ui) and the wiring (app) know JavaFX.
 */
class ArchitectureTest {
    /** Feature packages in the order data flows through them; each may use only earlier ones. */
    static final List<String> FLOW = List.of("source", "fetch", "extract", "nlp", "store", "index", "ingest", "pipeline", "workspace", "cli", "ui", "app");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.claimdesk");
    }

    @TestFactory
    List<DynamicTest> packagesUseOnlyEarlierPackages() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < FLOW.size(); i++) {
            String pkg = FLOW.get(i);
            List<String> later = FLOW.subList(i + 1, FLOW.size()).stream()
                    .map(p -> "org.claimdesk." + p + "..").toList();
            // cli and ui are siblings: neither may use the other.
            List<String> forbidden = new ArrayList<>(later);
            if (pkg.equals("cli")) {
                forbidden.add("org.claimdesk.ui..");
            }
            if (later.isEmpty() && forbidden.isEmpty()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(pkg + " uses only earlier packages", () ->
                    noClasses().that().resideInAPackage("org.claimdesk." + pkg + "..")
                            .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                            .allowEmptyShould(true)
                            .check(classes)));
        }
        return tests;
    }

    @Test
    void onlyUiAndAppImportJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.claimdesk.ui..", "org.claimdesk.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void everyClassLivesInAFeaturePackage() {
        classes().should().resideInAnyPackage(FLOW.stream().map(p -> "org.claimdesk." + p + "..").toArray(String[]::new))
                .because("a newcomer finds where a thing lives from the package names alone (docs/architecture.md)")
                .check(classes);
    }
}
