package io.github.apigwddb.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.apigwddb.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One resolver serves a template's checks on every render thread (DDB014 resolves the role per example). */
class IntrinsicResolverConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void threadsAskingOneResolverAtOnceGetTheSameAnswer() throws Exception {
        StringBuilder conditions = new StringBuilder("  C0: !Equals [!Ref Env, prod]\n");
        for (int i = 1; i < 40; i++) {
            conditions.append("  C").append(i).append(": !Or [!Condition C").append(i - 1).append(", !Equals [a, b]]\n");
        }
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "Parameters:\n  Env: {Type: String, Default: prod}\nConditions:\n" + conditions
                + "Resources:\n  T:\n    Type: AWS::SNS::Topic\n");
        CloudFormationTemplate template = new CloudFormationTemplate(new SpecLoader().load(file).spec());
        JsonNode chosen = new ObjectMapper().readTree("{\"Fn::If\": [\"C39\", \"yes\", \"no\"]}");

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> answers = new ArrayList<>();
        try {
            for (int run = 0; run < 300; run++) {
                IntrinsicResolver resolver = new IntrinsicResolver(template, TemplateParameters.NONE);
                CyclicBarrier together = new CyclicBarrier(4);
                List<Future<String>> futures = new ArrayList<>();
                for (int thread = 0; thread < 4; thread++) {
                    futures.add(pool.submit(() -> {
                        together.await();
                        return resolver.resolveText(chosen, "/x");
                    }));
                }
                for (Future<String> future : futures) {
                    answers.add(future.get());
                }
            }
        } finally {
            pool.shutdown();
        }
        // a condition another thread was evaluating was taken for one defined in terms of itself: false
        assertThat(answers).containsOnly("yes");
    }
}
