package io.github.apigwddb.spec;

import java.util.List;

/**
 * Where a YAML document reuses what it wrote before: merge keys and aliases. The tree holds them expanded; the places
 * are kept because the service a file is deployed to may not expand them (CloudFormation refuses both).
 *
 * @param mergeKeys pointers of the {@code <<} members, each under the mapping it was merged into (the tree has the
 *     merged members instead, positioned at the key)
 * @param aliases pointers of the values written as an alias ({@code *name}), in document order
 * @param refusedMerges pointers of the {@code <<} members whose value is no mapping or list of mappings: left in the tree
 *     as members, where YAML 1.1 tools refuse the file
 */
public record YamlReuse(List<String> mergeKeys, List<String> aliases, List<String> refusedMerges) {

    public static final YamlReuse NONE = new YamlReuse(List.of(), List.of(), List.of());

    public YamlReuse {
        mergeKeys = List.copyOf(mergeKeys);
        aliases = List.copyOf(aliases);
        refusedMerges = List.copyOf(refusedMerges);
    }
}
