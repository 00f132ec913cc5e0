package org.claimdesk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A passphrase from a file's first line or the environment, never from an argument. */
class PassphrasesTest {
    @TempDir
    Path tmp;

    @Test
    void aFileGivesItsFirstLineWithoutTheLineEndAndWinsOverTheEnvironment() throws Exception {
        Passphrases passphrases = new Passphrases(Map.of(Passphrases.VARIABLE, "from the environment"), null);
        Path file = Files.writeString(tmp.resolve("p"), "  spaces kept, é and مرحبا\r\nsecond line\n", StandardCharsets.UTF_8);
        assertThat(passphrases.given(file)).isEqualTo("  spaces kept, é and مرحبا".toCharArray());
        assertThat(passphrases.given(null)).isEqualTo("from the environment".toCharArray());
        assertThat(new Passphrases(Map.of(), null).given(null)).isNull();
        assertThat(new Passphrases(Map.of(Passphrases.VARIABLE, ""), null).given(null)).isNull();
    }

    @Test
    void anEmptyFirstLineOrNoTerminalGivesNoPassphrase() throws Exception {
        Passphrases passphrases = new Passphrases(Map.of(), null);
        Path empty = Files.writeString(tmp.resolve("empty"), "\nthe passphrase on line two\n");
        assertThatThrownBy(() -> passphrases.given(empty)).hasMessageContaining("its first line is empty");
        assertThat(passphrases.canAsk()).isFalse();
        assertThat(passphrases.ask("Passphrase", true)).isNull();
        char[] secret = "secret".toCharArray();
        Passphrases.forget(secret);
        assertThat(secret).containsOnly('\0');
    }
}
