package io.github.apigwddb.gate;

import io.github.apigwddb.dynamodb.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds configuration element names a goal does not know. Maven only warns about them (and Maven before
 * 3.9 not at all), so a misspelt {@code <failon>} would silently keep the default; the gate fails instead.
 */
public final class ConfigurationNames {

    private ConfigurationNames() {
    }

    /**
     * @param given the names used in the POM's {@code <configuration>}
     * @param valid the goal's parameter names and aliases
     * @throws GateConfigurationException naming each unknown name, the closest valid one, and every valid name
     */
    public static void requireKnown(String goal, Collection<String> given, Collection<String> valid) throws GateConfigurationException {
        Set<String> known = new TreeSet<>(valid);
        List<String> unknown = new ArrayList<>();
        for (String name : given) {
            if (!known.contains(name)) {
                String closest = Suggestions.nearest(name, known);
                unknown.add("<" + name + ">" + (closest == null ? "" : " (did you mean <" + closest + ">?)"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new GateConfigurationException("Unknown parameter" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + " in the configuration of " + goal + "; valid parameters: " + String.join(", ", known));
        }
    }
}
