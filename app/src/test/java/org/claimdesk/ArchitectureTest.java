package org.claimdesk;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the shape of docs/architecture.md true: data flows one way through the feature packages,
 * each library is used only by the package that owns it, and the window's screens stay apart.
 */
class ArchitectureTest {
    /**
     * Feature packages in the order data flows through them; each may use only earlier ones.
     * {@code cli} and {@code ui} are siblings (neither may use the other); {@code app} wires both.
     */
    static final List<String> FLOW = List.of("script", "source", "fetch", "extract", "nlp", "cluster", "store", "ingest",
            "index", "pipeline", "claims", "flag", "rebuttals", "export", "workspace", "cli", "ui", "app");

    /**
     * Which packages may touch each library. A library not listed here may be used anywhere
     * (the JDK, SLF4J). Kuromoji is built on Lucene's tokenizer API, so {@code nlp} may use
     * that part of Lucene (and nothing of its index or search).
     */
    static final Map<String, List<String>> LIBRARY_OWNERS = Map.ofEntries(
            Map.entry("org.apache.lucene..", List.of("index")),
            Map.entry("edu.stanford.nlp..", List.of("nlp")),
            Map.entry("com.github.pemistahl.lingua..", List.of("nlp")),
            Map.entry("com.ibm.icu..", List.of("nlp")),
            Map.entry("java.sql..", List.of("store")),
            Map.entry("javax.sql..", List.of("store")),
            Map.entry("org.h2..", List.of("store")),
            Map.entry("org.flywaydb..", List.of("store")),
            Map.entry("org.jsoup..", List.of("fetch", "extract")),
            Map.entry("org.eclipse.jetty..", List.of("fetch")),
            Map.entry("crawlercommons..", List.of("fetch")),
            Map.entry("com.rometools..", List.of("extract")),
            Map.entry("org.yaml.snakeyaml..", List.of("source")),
            Map.entry("javafx..", List.of("ui", "app")),
            Map.entry("atlantafx..", List.of("ui")),
            Map.entry("org.kordamp.ikonli..", List.of("ui")),
            Map.entry("picocli..", List.of("cli", "app")),
            Map.entry("me.tongfei.progressbar..", List.of("cli")),
            Map.entry("org.jline..", List.of("cli")),
            // LIBLINEAR fits the check-worthiness model; scoring never loads it (decision 0013)
            Map.entry("de.bwaldvogel.liblinear..", List.of("claims")),
            Map.entry("org.commonmark..", List.of("rebuttals", "export")),
            // OpenPGP encryption of packs and bundles (decision 0025)
            Map.entry("org.bouncycastle..", List.of("export")),
            Map.entry("com.github.difflib..", List.of("rebuttals")),
            // a rebuttal pack's PDF (decision 0022); its ICU bidi is reached only through openhtmltopdf's rtl support
            Map.entry("com.openhtmltopdf..", List.of("export")),
            Map.entry("org.apache.pdfbox..", List.of("export")),
            Map.entry("org.apache.fontbox..", List.of("export")),
            Map.entry("com.fasterxml.jackson.dataformat.csv..", List.of("cli", "export")),
            Map.entry("ch.qos.logback..", List.of("app")));

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.claimdesk");
    }

    private static String pkg(String name) {
        return "org.claimdesk." + name + "..";
    }

    @TestFactory
    List<DynamicTest> packagesUseOnlyEarlierPackages() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < FLOW.size(); i++) {
            String name = FLOW.get(i);
            List<String> forbidden = new ArrayList<>(FLOW.subList(i + 1, FLOW.size()).stream()
                    .map(ArchitectureTest::pkg).toList());
            if (name.equals("ui")) {
                forbidden.add(pkg("cli")); // siblings: the window never runs a command, nor the reverse
            }
            if (forbidden.isEmpty()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(name + " uses only earlier packages", () ->
                    noClasses().that().resideInAPackage(pkg(name))
                            .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                            .allowEmptyShould(true)
                            .check(classes)));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> eachLibraryIsUsedOnlyByThePackagesThatOwnIt() {
        List<DynamicTest> tests = new ArrayList<>();
        new TreeMap<>(LIBRARY_OWNERS).forEach((library, owners) -> tests.add(DynamicTest.dynamicTest(
                library + " only in " + owners, () -> {
                    String[] allowed = owners.stream().map(ArchitectureTest::pkg).toArray(String[]::new);
                    if (library.equals("org.apache.lucene..")) {
                        // nlp's Japanese segmenter: Kuromoji and the tokenizer API it is built on, nothing more
                        allowed = Stream.concat(Stream.of(allowed), Stream.of(pkg("nlp"))).toArray(String[]::new);
                        noClasses().that().resideInAPackage(pkg("nlp"))
                                .should().dependOnClassesThat(DescribedPredicate.describe("Lucene outside its analysis API",
                                        (JavaClass c) -> c.getPackageName().startsWith("org.apache.lucene")
                                                && !c.getPackageName().startsWith("org.apache.lucene.analysis")))
                                .check(classes);
                    }
                    noClasses().that().resideOutsideOfPackages(allowed)
                            .should().dependOnClassesThat().resideInAPackage(library)
                            .allowEmptyShould(true)
                            .check(classes);
                })));
        return tests;
    }

    /** The window's screens, one package each (docs/architecture.md); later ui.claims and ui.rebuttals. */
    static final List<String> SCREENS = List.of("sources", "items", "search", "saved", "reader", "errors", "stages", "firststart",
            "claims", "rebuttals", "exchange");
    /** What every screen may use besides itself: shared view pieces, the task runner, failure wording. */
    static final List<String> SCREEN_BASICS = List.of("org.claimdesk.ui.shared..", "org.claimdesk.ui.task..");

    @TestFactory
    List<DynamicTest> screensAreComposedNotEntangled() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String screen : SCREENS) {
            List<String> others = new ArrayList<>(SCREENS.stream().filter(s -> !s.equals(screen))
                    // failure wording lives with the errors screen and is said the same way everywhere
                    .filter(s -> !s.equals("errors"))
                    .map(s -> "org.claimdesk.ui." + s + "..").toList());
            tests.add(DynamicTest.dynamicTest("ui." + screen + " uses no other screen and not the window around it", () -> {
                noClasses().that().resideInAPackage("org.claimdesk.ui." + screen + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                        .check(classes);
                // the composer (package ui) knows the screens; a screen never reaches back into it
                noClasses().that().resideInAPackage("org.claimdesk.ui." + screen + "..")
                        .should().dependOnClassesThat().resideInAPackage("org.claimdesk.ui")
                        .check(classes);
            }));
        }
        tests.add(DynamicTest.dynamicTest("ui.shared and ui.task know no screen and not the window", () -> {
            List<String> above = new ArrayList<>(SCREENS.stream().map(s -> "org.claimdesk.ui." + s + "..").toList());
            above.add("org.claimdesk.ui");
            noClasses().that().resideInAnyPackage(SCREEN_BASICS.toArray(String[]::new))
                    .should().dependOnClassesThat().resideInAnyPackage(above.toArray(String[]::new))
                    .check(classes);
        }));
        // the openers (the interface, the task, the early first open) hand sessions to OpenWorkspace
        tests.add(DynamicTest.dynamicTest("only the window's OpenWorkspace touches a workspace session", () ->
                noClasses().that().resideInAPackage("org.claimdesk.ui..")
                        .and().haveNameNotMatching(
                                "org\\.claimdesk\\.ui\\.(OpenWorkspace|OpenWorkspaceTask|WorkspaceOpener|FirstWorkspaceEarly)(\\$.*)?")
                        .should().dependOnClassesThat().haveFullyQualifiedName("org.claimdesk.workspace.WorkspaceSession")
                        .check(classes)));
        return tests;
    }

    @Test
    void viewModelsKnowNoControls() {
        // a view model is tested without a toolkit: properties and collections, never scene or stage
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void everyClassLivesInAFeaturePackage() {
        classes().should().resideInAnyPackage(FLOW.stream().map(ArchitectureTest::pkg).toArray(String[]::new))
                .because("a newcomer finds where a thing lives from the package names alone (docs/architecture.md)")
                .check(classes);
    }

    @Test
    void decisionRecordsHaveUniqueNumbers() throws IOException {
        Path decisions = Path.of("..", "docs", "decisions");
        Pattern numbered = Pattern.compile("^(\\d{4})-.+\\.md$");
        Map<String, List<String>> byNumber = new TreeMap<>();
        try (Stream<Path> files = Files.list(decisions)) {
            files.map(f -> f.getFileName().toString()).forEach(name -> {
                Matcher m = numbered.matcher(name);
                if (m.matches()) {
                    byNumber.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(name);
                }
            });
        }
        assertThat(byNumber).isNotEmpty();
        assertThat(byNumber.values()).allSatisfy(names -> assertThat(names).as("decision records sharing a number").hasSize(1));
    }
}
