package io.github.apigwddb.vtl.internal;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import java.util.Map;
import org.apache.velocity.context.Context;

/**
 * Null and undefined references render as nothing, never as the literal {@code $foo} (AWS-REC S11, S13,
 * S14), with or without quiet notation. Also counts what references insert, because interpolated
 * strings ({@code "$s$s"}) grow outside the output writer.
 */
public final class NullAsEmptyInsertion implements ReferenceInsertionEventHandler {

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        RenderGuard guard = RenderGuard.current();
        if (value == null) {
            return "";
        }
        if (guard == null) {
            return value;
        }
        guard.tick();
        if (value instanceof Map<?, ?> map && !map.isEmpty() && !reference.contains("$input.params") && !reference.startsWith("$context")
                && !reference.startsWith("$stageVariables")) {
            // a JSON object (of the body, of DynamoDB's answer) as Java's map text, {k=v}, as API Gateway writes it: hardly
            // ever what was meant; a map of parameters written whole is mostly a log line, and not noted; {} is JSON too
            Object text = guard.insertionText(value);
            guard.objectWritten(reference, String.valueOf(text));
            return text;
        }
        return guard.insertionText(value);
    }
}
