package org.claimdesk.app;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: a first start contacts nobody. The real launcher runs in a child JVM under strace:
 * the window's first start (Monocle headless, until the workspace says its polling waits for the
 * choice of starter sources), then {@code sources}, {@code search} and {@code analyse} on that
 * workspace. Every connect() and sendto() with an address must go to loopback (or a local
 * socket), and none to port 53 (DNS). Skipped where strace is missing or may not trace.
 */
class PrivateFirstStartTest {
    private static final Pattern INET = Pattern.compile("sin_port=htons\\((\\d+)\\), sin_addr=inet_addr\\(\"([^\"]+)\"\\)");
    private static final Pattern INET6 = Pattern.compile("sin6_port=htons\\((\\d+)\\).*?inet_pton\\(AF_INET6, \"([^\"]+)\"");
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(4);

    @TempDir
    static Path temp;

    @BeforeAll
    static void needsStrace() throws Exception {
        boolean works;
        try {
            Process probe = new ProcessBuilder("strace", "-f", "-e", "trace=connect", "-o", "/dev/null", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            works = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            works = false;
        }
        Assumptions.assumeTrue(works, "strace is not installed or may not trace here (apt-get install strace): "
                + "the no-network first start is not checked");
    }

    @Test
    void aFirstStartAndTheOfflineCommandsContactNothingButLoopback() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path log = home.resolve("workspaces").resolve("default").resolve("logs").resolve("claimdesk.log");
        List<String> contacts = new ArrayList<>();

        Path windowTrace = temp.resolve("window.strace");
        Process window = traced(home, windowTrace, List.of());
        try {
            long deadline = System.nanoTime() + COMMAND_LIMIT.toNanos();
            while (!logSays(log, "scheduled polling waits for the choice of starter sources")) {
                assertThat(window.isAlive()).as("the window exited early: " + output(windowTrace)).isTrue();
                assertThat(System.nanoTime()).as("the workbench did not get ready").isLessThan(deadline);
                Thread.sleep(200);
            }
            // The old first start looked up its first hosts within a second of this point; give it several.
            Thread.sleep(5_000);
        } finally {
            stop(window);
        }
        contacts.addAll(outsideLoopback(windowTrace));

        for (List<String> command : List.of(List.of("sources"), List.of("search", "water"), List.of("analyse"))) {
            Path trace = temp.resolve(command.getFirst() + ".strace");
            Process run = traced(home, trace, command);
            assertThat(run.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)).as(command + " finished").isTrue();
            assertThat(run.exitValue()).as(command + ": " + output(trace)).isZero();
            contacts.addAll(outsideLoopback(trace).stream().map(line -> command.getFirst() + ": " + line).toList());
        }

        assertThat(contacts).as("connections other than loopback, or DNS look-ups").isEmpty();
    }

    @Test
    void theTraceReaderFindsLookUpsAndOutsideAddressesOnly(@TempDir Path dir) throws IOException {
        Path trace = Files.writeString(dir.resolve("t"), """
                3656  connect(3, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT
                3656  connect(3, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0
                3657  connect(9, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
                3658  connect(9, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2a00:1450::1", &sin6_addr), sin6_scope_id=0}, 28) = 0
                """);
        assertThat(outsideLoopback(trace)).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain("127.0.0.1"));
    }

    /**
     * The launcher in a child JVM with the test's class path and the heap the packaged launcher
     * gives (the sample's six languages load five CoreNLP models), traced; its output goes to a file.
     */
    private static Process traced(Path home, Path trace, List<String> arguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg",
                "-o", trace.toString(), java, "-Xmx2g", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "--enable-native-access=ALL-UNNAMED",
                // the window on Monocle's headless platform, as the window tests run (HeadlessFx)
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(trace.resolveSibling(trace.getFileName() + ".out").toFile());
        builder.environment().put("CLAIMDESK_HOME", home.toString());
        builder.environment().remove("DISPLAY");
        return builder.start();
    }

    /** Stops the launcher under strace: strace leaves a tracee it did not start running when it is killed itself. */
    private static void stop(Process traced) throws InterruptedException {
        List<ProcessHandle> launched = traced.descendants().toList();
        launched.forEach(ProcessHandle::destroy);
        for (ProcessHandle child : launched) {
            try {
                child.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                child.destroyForcibly();
            }
        }
        if (!traced.waitFor(30, TimeUnit.SECONDS)) {
            traced.destroyForcibly().waitFor();
        }
    }

    private static String output(Path trace) {
        return read(trace.resolveSibling(trace.getFileName() + ".out"));
    }

    private static boolean logSays(Path log, String text) {
        return Files.exists(log) && read(log).contains(text);
    }

    /** The traced calls that reached an internet address other than loopback, or port 53 anywhere. */
    static List<String> outsideLoopback(Path trace) {
        List<String> found = new ArrayList<>();
        for (String line : read(trace).split("\n")) {
            for (Pattern pattern : List.of(INET, INET6)) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    int port = Integer.parseInt(m.group(1));
                    if (port == 53 || !isLoopback(m.group(2))) {
                        found.add(line.strip());
                    }
                }
            }
        }
        return found;
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.startsWith("::ffff:127.")
                // the wildcard address reaches this machine only
                || address.equals("0.0.0.0") || address.equals("::");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
