package io.github.apigwddb.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckRequestTest {

    @Test
    void threadsOutsideOneTo256AreRefusedWithTheRange() {
        for (int threads : new int[] {0, -3, CheckRequest.MAX_THREADS + 1, 100_000}) {
            assertThatThrownBy(() -> new CheckRequest(List.of(), null, Map.of(), threads))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("threads is " + threads + ": give a number from 1 to 256");
        }
        assertThat(new CheckRequest(List.of(), null, Map.of(), CheckRequest.MAX_THREADS).threads()).isEqualTo(256);
        assertThat(new CheckEngine().run(new CheckRequest(List.of(), null, Map.of(), CheckRequest.MAX_THREADS), CheckLog.SILENT)
                .findings()).as("the pool takes the largest number allowed").isEmpty();
    }
}
