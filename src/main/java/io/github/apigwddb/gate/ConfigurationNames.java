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

    public static void requireKnown(String goal, Collection<String> given, Collection<String> valid) throws GateConfigurationException {
        requireKnown(goal, given, valid, valid, Set.of());
    }

    /**
     * @param given the names used in the POM's {@code <configuration>}
     * @param valid the names accepted: the goal's parameters and aliases, and those of the plugin's other goals (a
     *     configuration at plugin level is shared by every goal)
     * @param own the goal's own parameters and aliases, which the message lists
     * @param readOnly the goal's parameters that Maven sets ({@code basedir}, {@code project}): not to be configured
     * @throws GateConfigurationException naming each unknown name, the closest valid one, and the goal's own names; or each
     *     read-only one
     */
    public static void requireKnown(String goal, Collection<String> given, Collection<String> valid, Collection<String> own,
            Collection<String> readOnly) throws GateConfigurationException {
        List<String> setByMaven = given.stream().filter(readOnly::contains).map(name -> "<" + name + ">").toList();
        if (!setByMaven.isEmpty()) {
            throw new GateConfigurationException("Parameter" + (setByMaven.size() == 1 ? " " : "s ") + String.join(", ", setByMaven)
                    + (setByMaven.size() == 1 ? " is" : " are") + " read-only: Maven sets " + (setByMaven.size() == 1 ? "it" : "them")
                    + "; remove " + (setByMaven.size() == 1 ? "it" : "them") + " from the configuration of " + goal);
        }
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
                    + " in the configuration of " + goal + "; its parameters: " + String.join(", ", new TreeSet<>(own))
                    + (known.size() > new TreeSet<>(own).size() ? " (the other goals' are accepted too, for a configuration they share)" : ""));
        }
    }
}
