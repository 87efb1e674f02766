package io.github.apigwddb.vtl;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds applied to every compile and render.
 *
 * @param maxForeachIterations iterations allowed per {@code #foreach} execution (API Gateway: 1000)
 * @param maxTemplateBytes     UTF-8 size allowed for a template (API Gateway: 300 KB)
 * @param maxOutputChars       characters a render may produce (also bounds intermediate strings)
 * @param maxRenderTime        wall-clock time a render may take
 * @param maxMacroDepth        nesting depth of macro calls
 */
public record TemplateLimits(int maxForeachIterations, int maxTemplateBytes, int maxOutputChars,
                             Duration maxRenderTime, int maxMacroDepth) {

    public TemplateLimits {
        Objects.requireNonNull(maxRenderTime, "maxRenderTime");
        if (maxForeachIterations < 1 || maxTemplateBytes < 1 || maxOutputChars < 1 || maxMacroDepth < 1
                || maxRenderTime.isNegative() || maxRenderTime.isZero()) {
            throw new IllegalArgumentException("template limits must be positive");
        }
    }

    /** API Gateway's documented limits plus generous output/time bounds for the emulator. */
    public static TemplateLimits defaults() {
        return new TemplateLimits(1000, 300 * 1024, 10 * 1024 * 1024, Duration.ofSeconds(2), 20);
    }
}
