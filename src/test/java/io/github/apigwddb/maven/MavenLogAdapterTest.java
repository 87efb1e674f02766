package io.github.apigwddb.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class MavenLogAdapterTest {

    /** A file's name is the project's: one holding a line break or an escape sequence must not forge a log line (hostile-input review). */
    @Test
    void eachLineStaysOneLineWithoutControlCharacters() {
        List<String> lines = new ArrayList<>();
        MavenLogAdapter adapter = new MavenLogAdapter(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                lines.add(content.toString());
            }

            @Override
            public void warn(CharSequence content) {
                lines.add(content.toString());
            }
        });

        adapter.info("Checking new\n[ERROR] forged.json (OpenAPI 3)");
        adapter.warn("Not using \u001B[31mred.yaml");

        assertThat(lines).containsExactly("Checking new [ERROR] forged.json (OpenAPI 3)", "Not using \\u001B[31mred.yaml");
    }
}
