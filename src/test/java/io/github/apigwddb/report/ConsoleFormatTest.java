package io.github.apigwddb.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Rule;
import io.github.apigwddb.rules.SourcePosition;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConsoleFormatTest {

    /** A template's escape sequence or NUL, quoted in a message, reached the Maven log raw (crash hunt). */
    @Test
    void controlCharactersOfAMessageAreShownNotSentToTheTerminal() {
        Finding finding = new Finding(Rule.DDX013, Rule.DDX013.defaultSeverity(), "The statement starts with '\u001B[31m'\nand \u0000 \u202Eevil\tok",
                new SourcePosition(Path.of("api.yaml"), 3, 5), null, null);

        assertThat(ConsoleFormat.line(finding)).isEqualTo(
                "api.yaml:[3,5] DDX013 The statement starts with '\\u001B[31m' and \\u0000 \\u202Eevil ok");
        assertThat(ConsoleFormat.printable("plain text, unchanged")).isEqualTo("plain text, unchanged");
    }
}
