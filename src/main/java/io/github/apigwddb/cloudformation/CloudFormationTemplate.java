package io.github.apigwddb.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.apigwddb.spec.JsonPointers;
import io.github.apigwddb.spec.LoadedSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A CloudFormation/SAM template read: its resources by logical id, parameters, mappings and conditions. */
public final class CloudFormationTemplate {

    /** One entry of {@code Resources}. */
    public record Resource(String logicalId, String type, JsonNode properties, String pointer) {

        public String propertiesPointer() {
            return pointer + "/Properties";
        }

        public String property(String name) {
            return JsonPointers.child(propertiesPointer(), name);
        }
    }

    private final LoadedSpec spec;
    private final Map<String, Resource> resources = new LinkedHashMap<>();

    public CloudFormationTemplate(LoadedSpec spec) {
        this.spec = spec;
        JsonNode declared = spec.root().path("Resources");
        declared.fields().forEachRemaining(entry -> {
            JsonNode node = entry.getValue();
            String type = node.path("Type").asText("");
            resources.put(entry.getKey(), new Resource(entry.getKey(), type, node.path("Properties"),
                    JsonPointers.child("/Resources", entry.getKey())));
        });
    }

    public LoadedSpec spec() {
        return spec;
    }

    public JsonNode root() {
        return spec.root();
    }

    public Map<String, Resource> resources() {
        return Collections.unmodifiableMap(resources);
    }

    public Resource resource(String logicalId) {
        return resources.get(logicalId);
    }

    public List<Resource> resourcesOfType(String type) {
        return resources.values().stream().filter(r -> r.type().equals(type)).toList();
    }

    public JsonNode parameter(String name) {
        return root().path("Parameters").get(name);
    }

    public JsonNode mappings() {
        return root().path("Mappings");
    }

    public JsonNode conditions() {
        return root().path("Conditions");
    }
}
