package io.github.apigwddb.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.apigwddb.vtl.TemplateInput;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputSlotsTest {

    private static final String BODY = "{\"id\": \"42\", \"name\": \"O'Brien \\\"w\\\"\", \"tags\": [\"a\", \"b\"], "
            + "\"nested\": {\"deep\": {\"s\": \"x\"}, \"n\": 1}}";
    /** A client key that is the placeholder's text: the token cannot be found once, and the body is written whole. */
    private static final String BODY_WITH_PLACEHOLDER_KEY = BODY.substring(0, BODY.length() - 1) + ", \"\\u0000apigw-slot\\u0000\": \"k\"}";
    private static final List<String> VALUES = List.of("zq1x", "\",\"TableName\":\"Other", "\\", "'", "\n", "\u0001",
            "\uD83D\uDE00", "a".repeat(1000), "", "\u0000apigw-slot\u0000", "\u2028");

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theBodyTextIsAlwaysTheBodyWrittenWhole(boolean placeholderKey) {
        String body = placeholderKey ? BODY_WITH_PLACEHOLDER_KEY : BODY;
        assertThat(body.contains("apigw-slot")).isEqualTo(placeholderKey);
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            InputSlots inputs = new InputSlots(new TemplateInput(body, java.util.Map.of("id", "p"), java.util.Map.of(),
                    java.util.Map.of(), java.util.Map.of(), java.util.Map.of()));
            List<InputSlots.Slot> slots = inputs.slots();
            for (int step = 0; step < 40; step++) {
                InputSlots.Slot slot = slots.get(random.nextInt(slots.size()));
                // the probe's pattern: one slot several values in a row, then back; here also any order
                int times = 1 + random.nextInt(4);
                for (int t = 0; t < times; t++) {
                    String value = slot.kind == InputSlots.Kind.BODY_KEYS && random.nextInt(3) == 0 ? null : VALUES.get(random.nextInt(VALUES.size()));
                    slot.set(value);
                    if (random.nextBoolean()) {
                        assertThat(inputs.current().body()).isEqualTo(inputs.bodyWrittenWhole());
                    }
                }
            }
            assertThat(inputs.current().body()).isEqualTo(inputs.bodyWrittenWhole());
        }
    }

    @Test
    void aStringSlotGivenSeveralValuesInARowChangesOnlyItsOwnToken() {
        InputSlots inputs = new InputSlots(TemplateInput.ofBody("{\"a\": \"1\", \"b\": \"2\"}"));
        InputSlots.Slot a = inputs.slots().stream().filter(s -> s.label.equals("body $.a")).findFirst().orElseThrow();

        a.set("x");
        assertThat(inputs.current().body()).isEqualTo("{\"a\":\"x\",\"b\":\"2\"}");
        a.set("\"}");
        assertThat(inputs.current().body()).isEqualTo("{\"a\":\"\\\"}\",\"b\":\"2\"}");
        a.set("1");
        assertThat(inputs.current().body()).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
    }
}
