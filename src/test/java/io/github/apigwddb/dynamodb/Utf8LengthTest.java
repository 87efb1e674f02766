package io.github.apigwddb.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8LengthTest {

    @Test
    void countsWhatTheEncoderWrites() {
        String[] samples = {"", "plain", "caf\u00e9", "\u20ac", "\uD83D\uDE00", "a\uD83Db", "\uDE00", "x\uD83D", "\uDE00\uD83D",
            "\u007f\u0080\u07ff\u0800\uffff"};
        for (String sample : samples) {
            assertThat(AttributeValueValidator.utf8Length(sample)).as(sample).isEqualTo(sample.getBytes(StandardCharsets.UTF_8).length);
        }
        Random random = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            char[] chars = new char[random.nextInt(12)];
            for (int i = 0; i < chars.length; i++) {
                // weighted towards the boundaries and the surrogate ranges
                int pick = random.nextInt(5);
                chars[i] = (char) (pick == 0 ? random.nextInt(0x100) : pick == 1 ? 0xD800 + random.nextInt(0x800)
                        : pick == 2 ? 0x700 + random.nextInt(0x200) : random.nextInt(0x10000));
            }
            String text = new String(chars);
            assertThat(AttributeValueValidator.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
