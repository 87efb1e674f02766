package io.github.apigwddb.spec;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which schemas of other files {@link ExternalReferences} writes once and refers to, learned over its passes: a
 * schema the root's own component entry is a reference to lives under that entry's name ({@code Product: {$ref:
 * parts/schemas.yaml#/Product}}); one used more than once becomes one of the definition's own at every use. API
 * Gateway makes a model of each component and of each schema written inline, so a copy would be a model too. Keys
 * are {@code file#pointer}.
 */
final class SharedSchemas {

    /** The root's component entry that stands for a schema, by key. */
    private final Map<String, String> homes = new HashMap<>();
    private final Set<String> shared = new HashSet<>();
    /** Uses in this pass, not counting those inside a schema written out a second time (a copy repeats its uses). */
    private final Map<String, Integer> uses = new HashMap<>();
    private final Set<String> written = new HashSet<>();
    private int repeats;
    private boolean learned;

    void startPass() {
        uses.clear();
        written.clear();
        repeats = 0;
        learned = false;
    }

    void used(String key) {
        if (repeats == 0) {
            uses.merge(key, 1, Integer::sum);
        }
    }

    /** The root's entry {@code name} is (a chain of references to) the schema: the first such entry keeps it. */
    void claim(String key, String name) {
        if (homes.putIfAbsent(key, name) == null) {
            learned = true;
        }
    }

    /** The entry of the root's components that holds the schema, or null. */
    String home(String key) {
        return homes.get(key);
    }

    boolean shared(String key) {
        return shared.contains(key);
    }

    /** @return whether this is a second writing of the schema in this pass, to be given to {@link #written(boolean)} */
    boolean writing(String key) {
        boolean again = !written.add(key);
        if (again) {
            repeats++;
        }
        return again;
    }

    void written(boolean again) {
        if (again) {
            repeats--;
        }
    }

    /** Ends a pass: whether it learned anything (a home, a schema used again) that makes another pass write otherwise. */
    boolean learned() {
        uses.forEach((key, count) -> {
            if (count > 1 && !homes.containsKey(key) && shared.add(key)) {
                learned = true;
            }
        });
        return learned;
    }
}
