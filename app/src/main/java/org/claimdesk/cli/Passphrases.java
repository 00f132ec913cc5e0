package org.claimdesk.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Where a passphrase comes from on the command line: never an argument, which every user of the
 * machine can read in the process list, but a file's first line, the environment variable
 * {@value #VARIABLE}, or the terminal (not echoed).
 */
final class Passphrases {
    static final String VARIABLE = "CLAIMDESK_PASSPHRASE";
    private static final int MOST_BYTES = 64 * 1024;

    private final Map<String, String> environment;
    private final Console console;

    Passphrases(Map<String, String> environment, Console console) {
        this.environment = environment;
        this.console = console;
    }

    static Passphrases ofThisProcess() {
        Console console = System.console();
        return new Passphrases(System.getenv(), console != null && console.isTerminal() ? console : null);
    }

    /** A passphrase file's first line (as {@code gpg --passphrase-file} reads it), without its line end. */
    static char[] fromFile(Path file) throws IOException {
        byte[] bytes;
        try (var in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MOST_BYTES);
        }
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
            end++;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end));
            char[] passphrase = new char[chars.remaining()];
            chars.get(passphrase);
            Arrays.fill(chars.array(), '\0');
            return passphrase;
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** From the file if one is given, else the environment; null when neither has one. */
    char[] given(Path file) throws IOException {
        if (file != null) {
            char[] passphrase = fromFile(file);
            if (passphrase.length == 0) {
                throw new IOException(file + ": its first line is empty; write the passphrase on it");
            }
            return passphrase;
        }
        String variable = environment.get(VARIABLE);
        return variable == null || variable.isEmpty() ? null : variable.toCharArray();
    }

    /** Asks on the terminal (twice when {@code confirm}); null without a terminal or when left empty. */
    char[] ask(String prompt, boolean confirm) {
        if (console == null) {
            return null;
        }
        char[] first = console.readPassword("%s: ", prompt);
        if (first == null || first.length == 0) {
            return null;
        }
        if (confirm) {
            char[] again = console.readPassword("Repeat it: ");
            boolean same = Arrays.equals(first, again);
            forget(again);
            if (!same) {
                forget(first);
                console.printf("The two passphrases differ.%n");
                return null;
            }
        }
        return first;
    }

    boolean canAsk() {
        return console != null;
    }

    static void forget(char[] passphrase) {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }
}
