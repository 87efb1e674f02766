package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.bench.SpecGenerator;
import io.github.apigwddb.report.SarifWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering in parallel changes nothing in the output: the same findings, cases and SARIF bytes as a serial run. */
class ParallelCheckTest {

    @TempDir
    Path dir;

    @Test
    void parallelAndSerialRunsGiveTheSameOutput() throws Exception {
        List<Path> files = new ArrayList<>(CorpusTest.corpusFiles());
        files.add(SpecGenerator.write(dir.resolve("generated.json"), 200));

        CheckResult serial = new CheckEngine().run(new CheckRequest(files, null, Map.of(), 1), CheckLog.SILENT);
        CheckResult parallel = new CheckEngine().run(new CheckRequest(files, null, Map.of(), 4), CheckLog.SILENT);

        assertThat(parallel.findings()).isEqualTo(serial.findings());
        assertThat(parallel.cases()).isEqualTo(serial.cases());
        assertThat(serial.findings()).isNotEmpty();
        Path serialSarif = dir.resolve("serial.sarif");
        Path parallelSarif = dir.resolve("parallel.sarif");
        new SarifWriter("test", dir).write(serial.findings(), serialSarif);
        new SarifWriter("test", dir).write(parallel.findings(), parallelSarif);
        assertThat(Files.readAllBytes(parallelSarif)).isEqualTo(Files.readAllBytes(serialSarif));
    }
}
