package io.github.apigwddb.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.apigwddb.dynamodb.Suggestions;
import io.github.apigwddb.spec.CloudFormationIntrinsics;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.TextEdits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates CloudFormation intrinsic functions the way CloudFormation would at deployment, with the values
 * known before it: configured parameters, parameter defaults, pseudo parameters, and names and ARNs of
 * resources of the same template (known in shape). What cannot be known gets a readable placeholder and an
 * {@link Unresolved} note. One resolver per template read; its evaluating methods are synchronized, as the checks of
 * the template's APIs ask it from render threads too (DDB014 resolves the role's policies per example).
 */
public final class IntrinsicResolver {

    /** Why a value got a stand-in; each cause is said by its own rule. */
    public enum Cause {
        /** The value is only known at deployment (CFN005). */
        DEPLOYMENT,
        /** The value names a logical id the template does not have, which CloudFormation rejects (CFN009). */
        MISSING_NAME,
        /** The value depends on itself through resources, conditions or a parameter, which CloudFormation rejects (CFN010). */
        CIRCULAR
    }

    /** A value that is not known before deployment, or cannot be known at all: the placeholder used, and why. */
    public record Unresolved(String pointer, String message, Cause cause) {

        public Unresolved(String pointer, String message) {
            this(pointer, message, Cause.DEPLOYMENT);
        }
    }

    /** A resource whose name is being resolved, the name property read, and the reference that led to it (null at the top). */
    private record NameInProgress(String logicalId, String property, String reachedBy) {
    }

    /**
     * A {@code ${name}} in an {@code Fn::Sub} string that names no parameter, resource or variable:
     * CloudFormation rejects it, and in a mapping template it usually is a VTL reference meant literally.
     *
     * @param stringPointer pointer of the Fn::Sub template string
     * @param offset index of the {@code $} in that string
     */
    public record SwallowedReference(String stringPointer, String text, int offset, String name) {
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> PSEUDO = Set.of("AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::StackName",
            "AWS::StackId", "AWS::URLSuffix", "AWS::NoValue", "AWS::NotificationARNs");

    private final CloudFormationTemplate template;
    private final TemplateParameters parameters;
    private final Map<String, String> replaced = new LinkedHashMap<>();
    private final Map<String, List<JoinPart>> joins = new LinkedHashMap<>();
    private final Map<String, SubText> subs = new LinkedHashMap<>();
    private final Map<String, Unresolved> unresolved = new LinkedHashMap<>();
    private final Set<String> wholeStandIns = new HashSet<>();
    private final List<SwallowedReference> swallowed = new ArrayList<>();
    /** In the order they were entered, so a cycle can be named. */
    private final Set<String> conditionsInProgress = new LinkedHashSet<>();
    /** The names being resolved, innermost last: a resource met again is a cycle, which would otherwise recurse without end. */
    private final Deque<NameInProgress> namesInProgress = new ArrayDeque<>();
    /** Every cycle met, also those whose pointer already had a note: how an enclosing evaluation knows one was met inside it. */
    private final List<Unresolved> cyclesMet = new ArrayList<>();
    /** The cycle a condition's value rests on, said again wherever a remembered value is used. */
    private final Map<String, Unresolved> conditionCycles = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Boolean> conditionValues = new java.util.concurrent.ConcurrentHashMap<>();
    /** How many stand-ins evaluating each condition made: a remembered value is no more known than it was. */
    private final Map<String, Integer> conditionStandIns = new java.util.concurrent.ConcurrentHashMap<>();
    /** How many stand-ins evaluation has made, to tell whether a value was known before deployment ({@link #named}). */
    private int standInsMade;

    public IntrinsicResolver(CloudFormationTemplate template, TemplateParameters parameters) {
        this.template = template;
        this.parameters = parameters;
    }

    /** Intrinsic objects replaced by their value: pointer of the object → pointer of the string that carries its text. */
    public Map<String, String> replaced() {
        return replaced;
    }

    /**
     * A value of an {@code Fn::Join}'s list, and where its text begins in the joined string.
     *
     * @param pointer where the value is written
     * @param literal whether it is a string as written (not a {@code Ref} or another function)
     */
    public record JoinPart(int offset, String pointer, boolean literal) {
    }

    /** The {@code Fn::Join}s with a written list, by pointer of the object: the parts of the string each one made. */
    public Map<String, List<JoinPart>> joins() {
        return joins;
    }

    /** An {@code Fn::Sub} string as written and the spans its substitutions changed. */
    public record SubText(String written, TextEdits edits) {
    }

    /** The {@code Fn::Sub}s whose substitutions changed the length of something, by pointer of the object. */
    public Map<String, SubText> subs() {
        return subs;
    }

    /**
     * Pointers of the intrinsic functions whose whole value is a stand-in (a Ref to a parameter without value, ...); a
     * live view, as {@link #replaced()} is, for a document derived before the resolution.
     */
    public synchronized Set<String> wholeStandIns() {
        return java.util.Collections.unmodifiableSet(wholeStandIns);
    }

    public synchronized List<Unresolved> unresolved() {
        return List.copyOf(unresolved.values());
    }

    public synchronized List<SwallowedReference> swallowed() {
        return List.copyOf(swallowed);
    }

    /** A copy of {@code node} (found at {@code pointer} of the template) with every intrinsic function evaluated. */
    public synchronized JsonNode resolve(JsonNode node, String pointer) {
        JsonNode value = evaluate(node, pointer);
        return value == null ? F.nullNode() : value;
    }

    /** The value as text (lists joined by commas, as CloudFormation does for list parameters). */
    public synchronized String resolveText(JsonNode node, String pointer) {
        return text(resolve(node, pointer));
    }

    /** Null stands for {@code AWS::NoValue}: the member is removed. */
    private JsonNode evaluate(JsonNode node, String pointer) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            String function = functionOf(node);
            if (function != null) {
                JsonNode value = call(function, node.get(function), pointer);
                if (!"Fn::Sub".equals(function) && unresolved.containsKey(pointer)) {
                    wholeStandIns.add(pointer); // the function's value as a whole stands in (inside Fn::Sub, only a part)
                }
                return value;
            }
            ObjectNode copy = F.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = evaluate(field.getValue(), JsonPointers.child(pointer, field.getKey()));
                if (value != null) {
                    copy.set(field.getKey(), value);
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = F.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = evaluate(node.get(i), JsonPointers.child(pointer, i));
                if (value != null) {
                    copy.add(value);
                }
            }
            return copy;
        }
        return node;
    }

    /** The intrinsic function an object is, or null. {@code Fn::Transform} is left to the caller (it includes files). */
    static String functionOf(JsonNode node) {
        return CloudFormationIntrinsics.functionOf(node);
    }

    private JsonNode call(String function, JsonNode argument, String pointer) {
        String at = JsonPointers.child(pointer, function);
        switch (function) {
            case "Ref":
                return ref(argument.asText(), pointer);
            case "Fn::GetAtt":
                return getAtt(argument, pointer);
            case "Fn::Sub":
                return sub(argument, pointer, at);
            case "Fn::Join": {
                JsonNode list = argument.isArray() ? evaluate(argument.path(1), JsonPointers.child(at, 1)) : null;
                if (list == null || !list.isArray()) {
                    return placeholder(pointer, "Fn::Join", "Fn::Join takes [delimiter, [values]]");
                }
                List<String> parts = new ArrayList<>();
                list.forEach(part -> parts.add(text(part)));
                String listPointer = JsonPointers.child(at, 1);
                String first = JsonPointers.child(listPointer, 0);
                replaced.put(pointer, argument.path(1).path(0).isTextual() ? first : pointer);
                String delimiter = argument.path(0).asText();
                if (argument.path(1).isArray() && argument.path(1).size() == parts.size()) {
                    // where each written value's text lands, so a position in the joined template finds its line
                    List<JoinPart> written = new ArrayList<>();
                    int offset = 0;
                    for (int i = 0; i < parts.size(); i++) {
                        written.add(new JoinPart(offset, JsonPointers.child(listPointer, i), argument.path(1).path(i).isTextual()));
                        offset += parts.get(i).length() + delimiter.length();
                    }
                    joins.put(pointer, written);
                }
                return F.textNode(String.join(delimiter, parts));
            }
            case "Fn::Select": {
                JsonNode index = evaluate(argument.path(0), JsonPointers.child(at, 0));
                JsonNode list = evaluate(argument.path(1), JsonPointers.child(at, 1));
                int i = index == null ? -1 : index.asInt(-1);
                if (list == null || !list.isArray() || i < 0 || i >= list.size()) {
                    return placeholder(pointer, "Fn::Select", "Fn::Select index " + text(index) + " is outside its list");
                }
                return list.get(i);
            }
            case "Fn::Split": {
                String delimiter = argument.path(0).asText();
                String source = text(evaluate(argument.path(1), JsonPointers.child(at, 1)));
                ArrayNode parts = F.arrayNode();
                if (delimiter.isEmpty()) {
                    parts.add(source);
                } else {
                    for (String part : source.split(java.util.regex.Pattern.quote(delimiter), -1)) {
                        parts.add(part);
                    }
                }
                return parts;
            }
            case "Fn::If": {
                if (!argument.isArray() || argument.size() != 3) {
                    return placeholder(pointer, "Fn::If", "Fn::If takes [condition, value if true, value if false]");
                }
                boolean holds = condition(argument.path(0).asText(), pointer);
                int branch = holds ? 1 : 2;
                return evaluate(argument.get(branch), JsonPointers.child(at, branch));
            }
            case "Fn::FindInMap": {
                String map = text(evaluate(argument.path(0), JsonPointers.child(at, 0)));
                String top = text(evaluate(argument.path(1), JsonPointers.child(at, 1)));
                String second = text(evaluate(argument.path(2), JsonPointers.child(at, 2)));
                JsonNode found = template.mappings().path(map).path(top).path(second);
                if (found.isMissingNode()) {
                    JsonNode fallback = argument.path(3).path("DefaultValue");
                    if (!fallback.isMissingNode()) {
                        return evaluate(fallback, JsonPointers.child(JsonPointers.child(at, 3), "DefaultValue"));
                    }
                    return placeholder(pointer, map + top + second, "Mapping " + map + "/" + top + "/" + second + " does not exist");
                }
                return evaluate(found, "/Mappings/" + JsonPointers.escape(map) + "/" + JsonPointers.escape(top) + "/"
                        + JsonPointers.escape(second));
            }
            case "Fn::Base64":
                return F.textNode(Base64.getEncoder().encodeToString(
                        text(evaluate(argument, at)).getBytes(StandardCharsets.UTF_8)));
            case "Fn::GetAZs": {
                ArrayNode zones = F.arrayNode();
                for (String suffix : List.of("a", "b", "c")) {
                    zones.add(parameters.region() + suffix);
                }
                return zones;
            }
            case "Fn::Equals":
            case "Fn::And":
            case "Fn::Or":
            case "Fn::Not":
                return F.booleanNode(holds(function, argument, pointer));
            case "Fn::ImportValue": {
                String export = text(evaluate(argument, at));
                return placeholder(pointer, export, "Fn::ImportValue '" + export + "' is another stack's export");
            }
            default:
                return placeholder(pointer, function.substring(function.indexOf(':') + 2),
                        function + " is not evaluated before deployment");
        }
    }

    private JsonNode placeholder(String pointer, String value, String why) {
        return placeholder(pointer, value, why, Cause.DEPLOYMENT);
    }

    private JsonNode placeholder(String pointer, String value, String why, Cause cause) {
        String shown = value.replaceAll("[^A-Za-z0-9_.-]", "");
        String message = why + "; '" + shown + "' stands in for it";
        if (cause == Cause.CIRCULAR) {
            cycleMet(pointer, message);
        } else {
            standInsMade++;
            unresolved.putIfAbsent(pointer, new Unresolved(pointer, message, cause));
        }
        return F.textNode(shown);
    }

    /** A value that depends on itself: evaluation stops there, and the enclosing evaluations say the cycle where they are used. */
    private void cycleMet(String pointer, String message) {
        standInsMade++;
        Unresolved note = new Unresolved(pointer, message, Cause.CIRCULAR);
        cyclesMet.add(note);
        noteCycle(pointer, note);
    }

    /** Notes a cycle at {@code pointer}: it outweighs a stand-in noted there before, as CloudFormation refuses the template. */
    private void noteCycle(String pointer, Unresolved cycle) {
        unresolved.merge(pointer, new Unresolved(pointer, cycle.message(), Cause.CIRCULAR),
                (before, now) -> before.cause() == Cause.CIRCULAR ? before : now);
    }

    /** The first cycle met since {@code before} (a size of {@link #cyclesMet}), or null. */
    private Unresolved cycleMetSince(int before) {
        return cyclesMet.size() > before ? cyclesMet.get(before) : null;
    }

    /**
     * A stand-in for a reference to a logical id the template does not have: CloudFormation rejects the template, unless
     * SAM's transform makes a resource of that name ({@link #generatedBySam}).
     */
    private JsonNode missingName(String pointer, String name, String value, String what) {
        if (generatedBySam(name)) {
            return placeholder(pointer, value, what + " names no parameter or resource of the template (one SAM generates?)");
        }
        if (generatedByTransform()) {
            return placeholder(pointer, value, what + " names no parameter or resource of the template as written (one its transform"
                    + " or Fn::ForEach makes?)");
        }
        String nearest = what.startsWith("Ref ") ? nearestName(name) : Suggestions.nearest(name, template.resources().keySet());
        return placeholder(pointer, value, what + " names no parameter or resource of the template, which CloudFormation rejects"
                + (nearest == null ? "" : " (did you mean " + nearest + "?)"), Cause.MISSING_NAME);
    }

    /** The parameter or resource of the template whose name is closest to {@code name}, for "did you mean"; null if none is close. */
    String nearestName(String name) {
        List<String> names = new ArrayList<>(template.resources().keySet());
        template.root().path("Parameters").fieldNames().forEachRemaining(names::add);
        return Suggestions.nearest(name, names);
    }

    /**
     * Whether the template declares resources this reading does not see: a transform other than SAM's (a macro,
     * {@code AWS::LanguageExtensions}), or a {@code Fn::ForEach}/{@code Fn::Transform} among its resources. Then any
     * name may be one of them.
     */
    private boolean generatedByTransform() {
        JsonNode transform = template.root().path("Transform");
        List<String> transforms = new ArrayList<>();
        if (transform.isTextual()) {
            transforms.add(transform.textValue());
        }
        transform.elements().forEachRemaining(t -> transforms.add(t.asText()));
        if (transforms.stream().anyMatch(t -> !t.startsWith("AWS::Serverless"))) {
            return true;
        }
        for (Iterator<String> names = template.root().path("Resources").fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (key.startsWith("Fn::ForEach") || key.startsWith("Fn::Transform")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether SAM's transform may generate a resource of this name: {@code ServerlessRestApi} and the like for the
     * implicit API, and names that start with a serverless resource's ({@code MyFunctionRole}, {@code MyApiProdStage},
     * {@code MyApi.Stage}). Only in a template that declares the transform.
     */
    private boolean generatedBySam(String name) {
        if (!template.root().path("Transform").toString().contains("AWS::Serverless")) {
            return false;
        }
        return name.startsWith("Serverless") || template.resources().values().stream()
                .anyMatch(r -> r.type().startsWith("AWS::Serverless::") && name.startsWith(r.logicalId()) && !name.equals(r.logicalId()));
    }

    private JsonNode ref(String name, String pointer) {
        if (PSEUDO.contains(name)) {
            return pseudo(name);
        }
        JsonNode declared = template.parameter(name);
        if (declared != null || parameters.values().containsKey(name)) {
            String given = parameters.values().get(name);
            if (given != null) {
                return F.textNode(given);
            }
            JsonNode fallback = declared.get("Default");
            if (fallback != null && functionOf(fallback) != null) {
                // CloudFormation evaluates nothing in Parameters; not evaluated here either, so {Ref: itself} cannot recurse
                if (mentions(fallback, name)) {
                    return placeholder(pointer, name, "Parameter " + name + "'s Default " + fallback + " refers to " + name
                            + " itself: CloudFormation takes only a literal Default and refuses the template", Cause.CIRCULAR);
                }
                return placeholder(pointer, name, "Parameter " + name + "'s Default " + fallback + " is an intrinsic function,"
                        + " which CloudFormation does not evaluate in Parameters (it takes only a literal Default)");
            }
            if (fallback != null && !fallback.isNull()) {
                return F.textNode(fallback.asText());
            }
            return placeholder(pointer, name, "Parameter " + name + " has no value (give it in apigw.parameters) and no Default");
        }
        CloudFormationTemplate.Resource resource = template.resource(name);
        if (resource != null) {
            return F.textNode(physicalName(resource, pointer, "Ref " + name));
        }
        return missingName(pointer, name, name, "Ref " + name);
    }

    /** Whether a value as written refers to {@code name}: {@code Ref name}, or {@code ${name}} in an {@code Fn::Sub} string. */
    private static boolean mentions(JsonNode node, String name) {
        if (node.isObject()) {
            if (name.equals(node.path("Ref").asText(null))) {
                return true;
            }
            JsonNode sub = node.path("Fn::Sub");
            JsonNode subText = sub.isArray() ? sub.path(0) : sub;
            if (subText.isTextual() && subText.textValue().matches("(?s).*\\$\\{\\s*" + java.util.regex.Pattern.quote(name) + "\\s*}.*")) {
                return true;
            }
        }
        for (JsonNode child : node) {
            if (mentions(child, name)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode pseudo(String name) {
        return switch (name) {
            case "AWS::Region" -> F.textNode(parameters.region());
            case "AWS::AccountId" -> F.textNode(parameters.accountId());
            case "AWS::Partition" -> F.textNode(parameters.partition());
            case "AWS::StackName" -> {
                if (!parameters.values().containsKey(name)) {
                    standInsMade++; // a name made of it is known only at deployment
                }
                yield F.textNode(parameters.values().getOrDefault(name, "stack"));
            }
            case "AWS::StackId" -> F.textNode("arn:" + parameters.partition() + ":cloudformation:" + parameters.region() + ":"
                    + parameters.accountId() + ":stack/stack/00000000-0000-0000-0000-000000000000");
            case "AWS::URLSuffix" -> F.textNode(parameters.partition().equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com");
            case "AWS::NotificationARNs" -> F.arrayNode();
            default -> null; // AWS::NoValue
        };
    }

    /**
     * A resource's name as {@link #physicalName} gives it, and whether it is only a stand-in for one known at deployment
     * (generated by CloudFormation, or made of a parameter without value or of the stack's name).
     */
    public record Named(String name, boolean standIn) {
    }

    /** The resource's name, and whether that is a stand-in. Not for render threads: it counts the stand-ins made. */
    public synchronized Named named(CloudFormationTemplate.Resource resource) {
        int before = standInsMade;
        String name = physicalName(resource, null);
        return new Named(name, standInsMade != before);
    }

    /** The name CloudFormation gives a resource: its name property when set, else (a stand-in for the generated name) its logical id. */
    public synchronized String physicalName(CloudFormationTemplate.Resource resource, String pointer) {
        return physicalName(resource, pointer, null);
    }

    /** @param reachedBy the reference that asks for the name ({@code Ref X}, {@code Fn::GetAtt X.Arn}), to name a cycle */
    private String physicalName(CloudFormationTemplate.Resource resource, String pointer, String reachedBy) {
        String property = switch (resource.type()) {
            case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::Serverless::SimpleTable" -> "TableName";
            case "AWS::IAM::Role" -> "RoleName";
            case "AWS::IAM::ManagedPolicy" -> "ManagedPolicyName";
            default -> null;
        };
        if (property == null) {
            return resource.logicalId();
        }
        JsonNode named = resource.properties().get(property);
        if (named != null && !named.isNull()) {
            if (namesInProgress.stream().anyMatch(entry -> entry.logicalId().equals(resource.logicalId()))) {
                return placeholder(pointer, resource.logicalId(), cycleOfNames(resource.logicalId(), reachedBy), Cause.CIRCULAR).asText();
            }
            int before = standInsMade;
            int cyclesBefore = cyclesMet.size();
            namesInProgress.addLast(new NameInProgress(resource.logicalId(), property, reachedBy));
            String name;
            try {
                name = resolveText(named, resource.property(property));
            } finally {
                namesInProgress.removeLast();
            }
            Unresolved cycle = cycleMetSince(cyclesBefore);
            if (pointer != null && cycle != null) {
                noteCycle(pointer, cycle); // said as it is where the name is used: the cycle names every step
            } else if (pointer != null && standInsMade != before) {
                // the name's own stand-in is noted at the resource, outside what is checked: said where the name is used
                // (rule docs audit: TableName: !Ref Table without a value gave "Table" silently)
                String at = resource.property(property);
                unresolved.values().stream().filter(note -> note.pointer().equals(at) || note.pointer().startsWith(at + "/")).findFirst()
                        .ifPresent(note -> unresolved.putIfAbsent(pointer, new Unresolved(pointer, resource.logicalId() + "'s "
                                + property + " is not known before deployment: " + note.message(), note.cause())));
            }
            return name;
        }
        // Generated names are <stack>-<logical id>-<suffix>, cut to the resource's length limit (64 for IAM names).
        standInsMade++;
        String standIn = property.equals("TableName") ? resource.logicalId()
                : resource.logicalId().substring(0, Math.min(64, resource.logicalId().length()));
        if (pointer != null) {
            unresolved.putIfAbsent(pointer, new Unresolved(pointer, resource.logicalId() + " has no " + property
                    + ", so CloudFormation generates its name at deployment; '" + standIn + "' stands in for it"));
        }
        return standIn;
    }

    /**
     * What the cycle through the names in progress back to {@code logicalId} is, in CloudFormation's words: it refuses such
     * a template ("Circular dependency between resources").
     */
    private String cycleOfNames(String logicalId, String reachedBy) {
        List<NameInProgress> inProgress = new ArrayList<>(namesInProgress);
        int start = 0;
        while (!inProgress.get(start).logicalId().equals(logicalId)) {
            start++; // a name is entered once at most: the cycle is met the first time one comes back
        }
        List<NameInProgress> cycle = inProgress.subList(start, inProgress.size());
        String refusal = ": CloudFormation refuses the template (Circular dependency between resources: "
                + cycle.stream().map(NameInProgress::logicalId).toList() + ")";
        String last = reachedBy == null ? "a reference" : reachedBy;
        if (cycle.size() == 1) {
            return logicalId + " refers to itself through " + last + " in its " + cycle.get(0).property() + refusal;
        }
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < cycle.size(); i++) {
            String next = i + 1 < cycle.size() ? cycle.get(i + 1).reachedBy() : last;
            steps.add(cycle.get(i).logicalId() + "'s " + cycle.get(i).property() + " uses " + next);
        }
        return "Circular reference " + String.join(" -> ", cycle.stream().map(NameInProgress::logicalId).toList()) + " -> " + logicalId
                + " (" + String.join(", ", steps) + ")" + refusal;
    }

    private JsonNode getAtt(JsonNode argument, String pointer) {
        String logicalId;
        String attribute;
        if (argument.isArray()) {
            logicalId = argument.path(0).asText();
            attribute = text(evaluate(argument.path(1), JsonPointers.child(JsonPointers.child(pointer, "Fn::GetAtt"), 1)));
        } else {
            String dotted = argument.asText();
            int dot = dotted.indexOf('.');
            logicalId = dot < 0 ? dotted : dotted.substring(0, dot);
            attribute = dot < 0 ? "" : dotted.substring(dot + 1);
        }
        return F.textNode(attribute(logicalId, attribute, pointer));
    }

    /** The value of {@code Fn::GetAtt logicalId.attribute}, as known before deployment. */
    public synchronized String attribute(String logicalId, String attribute, String pointer) {
        CloudFormationTemplate.Resource resource = template.resource(logicalId);
        if (resource == null) {
            return missingName(pointer, logicalId, logicalId + attribute, "Fn::GetAtt " + logicalId + "." + attribute).asText();
        }
        String account = parameters.accountId();
        String partition = parameters.partition();
        String reachedBy = "Fn::GetAtt " + logicalId + "." + attribute;
        switch (resource.type() + "." + attribute) {
            case "AWS::IAM::Role.Arn":
                return "arn:" + partition + ":iam::" + account + ":role/" + physicalName(resource, pointer, reachedBy);
            case "AWS::DynamoDB::Table.Arn", "AWS::DynamoDB::GlobalTable.Arn", "AWS::Serverless::SimpleTable.Arn":
                return tableArn(physicalName(resource, pointer, reachedBy));
            case "AWS::DynamoDB::Table.StreamArn", "AWS::DynamoDB::GlobalTable.StreamArn":
                return tableArn(physicalName(resource, pointer, reachedBy)) + "/stream/1970-01-01T00:00:00.000";
            case "AWS::ApiGateway::RestApi.RootResourceId":
                return logicalId + "RootResourceId";
            default:
                return placeholder(pointer, logicalId + attribute, "Fn::GetAtt " + logicalId + "." + attribute
                        + " is known only at deployment").asText();
        }
    }

    public synchronized String tableArn(String tableName) {
        return "arn:" + parameters.partition() + ":dynamodb:" + parameters.region() + ":" + parameters.accountId() + ":table/" + tableName;
    }

    private JsonNode sub(JsonNode argument, String pointer, String at) {
        JsonNode templateNode = argument.isArray() ? argument.path(0) : argument;
        String stringPointer = argument.isArray() ? JsonPointers.child(at, 0) : at;
        if (!templateNode.isTextual()) {
            return placeholder(pointer, "Sub", "Fn::Sub takes a string or [string, {variables}]");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        if (argument.isArray()) {
            JsonNode declared = argument.path(1);
            declared.fields().forEachRemaining(e -> variables.put(e.getKey(),
                    text(evaluate(e.getValue(), JsonPointers.child(JsonPointers.child(at, 1), e.getKey())))));
        }
        replaced.put(pointer, stringPointer);
        String text = templateNode.asText();
        StringBuilder out = new StringBuilder(text.length());
        TextEdits edits = new TextEdits();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            if (open + 2 < text.length() && text.charAt(open + 2) == '!') {
                // ${!Literal} is written out as ${Literal}
                out.append("${");
                edits.replaced(open, 3, 2);
                i = open + 3;
                continue;
            }
            int close = text.indexOf('}', open + 2);
            if (close < 0) {
                out.append(text, open, text.length());
                break;
            }
            String name = text.substring(open + 2, close).trim();
            String value = subVariable(name, variables, pointer);
            if (value == null) {
                swallowed.add(new SwallowedReference(stringPointer, text, open, name));
                out.append(text, open, close + 1);
            } else {
                out.append(value);
                edits.replaced(open, close + 1 - open, value.length());
            }
            i = close + 1;
        }
        if (!edits.isEmpty()) {
            subs.put(pointer, new SubText(text, edits));
        }
        return F.textNode(out.toString());
    }

    /** A variable of Fn::Sub: its own map, a pseudo parameter, a parameter, a resource, or Resource.Attribute; null when none. */
    private String subVariable(String name, Map<String, String> variables, String pointer) {
        if (variables.containsKey(name)) {
            return variables.get(name);
        }
        if (PSEUDO.contains(name) || template.parameter(name) != null || template.resource(name) != null
                || parameters.values().containsKey(name)) {
            JsonNode value = ref(name, pointer);
            return value == null ? "" : text(value);
        }
        int dot = name.indexOf('.');
        if (dot > 0 && template.resource(name.substring(0, dot)) != null) {
            return attribute(name.substring(0, dot), name.substring(dot + 1), pointer);
        }
        return null;
    }

    /**
     * The named condition's value when the parameter values given decide it; null when it rests on a value known only
     * at deployment (a parameter without value, a stack's export).
     */
    public synchronized Boolean decidedCondition(String name, String pointer) {
        int before = standInsMade;
        boolean value = condition(name, pointer);
        return standInsMade == before ? value : null;
    }

    /**
     * Evaluates the named entry of {@code Conditions}, once: conditions built of conditions ({@code !Or [!Condition A,
     * !Condition A]} many levels deep) would otherwise take exponential time.
     */
    public synchronized boolean condition(String name, String pointer) {
        Boolean known = conditionValues.get(name);
        if (known != null) {
            standInsMade += conditionStandIns.getOrDefault(name, 0); // what it stood in for still stands in (see named)
            Unresolved cycle = conditionCycles.get(name);
            if (cycle != null) {
                noteCycle(pointer, cycle);
            }
            return known;
        }
        int standInsBefore = standInsMade;
        JsonNode definition = template.conditions().get(name);
        if (definition == null) {
            placeholder(pointer, name, "Condition " + name + " is not defined; taken as false");
            return false;
        }
        if (conditionsInProgress.contains(name)) {
            cycleMet(pointer, cycleOfConditions(name) + "; " + name + " is taken as false");
            return false;
        }
        conditionsInProgress.add(name);
        int cyclesBefore = cyclesMet.size();
        try {
            String function = functionOf(definition);
            boolean value;
            if (function == null && definition.has("Condition")) {
                value = condition(definition.get("Condition").asText(), pointer);
            } else {
                value = function != null && holds(function, definition.get(function), "/Conditions/" + JsonPointers.escape(name));
            }
            conditionValues.put(name, value);
            conditionStandIns.put(name, standInsMade - standInsBefore);
            Unresolved cycle = cycleMetSince(cyclesBefore);
            if (cycle != null) {
                // met deep in the Conditions block, outside what is checked: said where the condition is used
                conditionCycles.put(name, cycle);
                noteCycle(pointer, cycle);
            }
            return value;
        } finally {
            conditionsInProgress.remove(name);
        }
    }

    /** The cycle of conditions in progress back to {@code name}: CloudFormation refuses such a template. */
    private String cycleOfConditions(String name) {
        List<String> cycle = new ArrayList<>(conditionsInProgress);
        cycle = cycle.subList(cycle.indexOf(name), cycle.size());
        String refusal = ": CloudFormation refuses the template (circular dependency between conditions " + cycle + ")";
        if (cycle.size() == 1) {
            return "Condition " + name + " refers to itself" + refusal;
        }
        return "Circular condition " + String.join(" -> ", cycle) + " -> " + name + refusal;
    }

    private boolean holds(String function, JsonNode argument, String pointer) {
        String at = JsonPointers.child(pointer, function);
        switch (function) {
            case "Fn::Equals":
                return text(evaluate(argument.path(0), JsonPointers.child(at, 0)))
                        .equals(text(evaluate(argument.path(1), JsonPointers.child(at, 1))));
            case "Fn::Not":
                return !truth(argument.path(0), JsonPointers.child(at, 0));
            case "Fn::And": {
                boolean all = true;
                for (int i = 0; i < argument.size(); i++) {
                    all &= truth(argument.get(i), JsonPointers.child(at, i));
                }
                return all;
            }
            case "Fn::Or": {
                boolean any = false;
                for (int i = 0; i < argument.size(); i++) {
                    any |= truth(argument.get(i), JsonPointers.child(at, i));
                }
                return any;
            }
            default:
                return false;
        }
    }

    private boolean truth(JsonNode node, String pointer) {
        if (node.isObject() && node.size() == 1 && node.has("Condition")) {
            return condition(node.get("Condition").asText(), pointer);
        }
        JsonNode value = evaluate(node, pointer);
        return value != null && (value.isBoolean() ? value.asBoolean() : "true".equalsIgnoreCase(value.asText()));
    }

    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(text(v)));
            return String.join(",", parts);
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
