package io.github.apigwddb.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleNamesTest {

    private final Path root = Path.of("/project");

    @Test
    void aSingleDefinitionIsTheApigatewayClassifier() throws Exception {
        assertThat(BundleNames.of(Map.of(root.resolve("src/main/apigateway/items.yaml"), BundleOptions.Format.YAML), root))
                .containsExactly(new BundleNames.Named(root.resolve("src/main/apigateway/items.yaml"), "items.yaml", "apigateway"));
    }

    @Test
    void severalDefinitionsAreNamedAfterTheirFiles() throws Exception {
        Map<Path, BundleOptions.Format> bundles = new LinkedHashMap<>();
        bundles.put(root.resolve("src/main/apigateway/items.yaml"), BundleOptions.Format.YAML);
        bundles.put(root.resolve("src/main/apigateway/orders.json"), BundleOptions.Format.JSON);
        assertThat(BundleNames.of(bundles, root)).extracting(BundleNames.Named::fileName, BundleNames.Named::classifier)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("items.yaml", "apigateway-items"),
                        org.assertj.core.groups.Tuple.tuple("orders.json", "apigateway-orders"));
    }

    @Test
    void definitionsThatWouldShareAFileAreRefusedByName() {
        Map<Path, BundleOptions.Format> bundles = new LinkedHashMap<>();
        bundles.put(root.resolve("src/main/apigateway/v1/api.yaml"), BundleOptions.Format.YAML);
        bundles.put(root.resolve("src/main/apigateway/v2/api.yml"), BundleOptions.Format.YAML);
        assertThatThrownBy(() -> BundleNames.of(bundles, root))
                .isInstanceOf(BundleNames.ClashException.class)
                .hasMessageStartingWith("apigw:bundle: src/main/apigateway/v1/api.yaml and src/main/apigateway/v2/api.yml would both be"
                        + " bundled as api.yaml, and only the last would be attached")
                .hasMessageContaining("Rename one of them");
    }

    @Test
    void theSameNameInAnotherSyntaxIsAnotherFile() throws Exception {
        Map<Path, BundleOptions.Format> bundles = new LinkedHashMap<>();
        bundles.put(root.resolve("a/api.yaml"), BundleOptions.Format.YAML);
        bundles.put(root.resolve("b/api.json"), BundleOptions.Format.JSON);
        assertThat(BundleNames.of(bundles, root)).extracting(BundleNames.Named::fileName).containsExactly("api.yaml", "api.json");
    }
}
