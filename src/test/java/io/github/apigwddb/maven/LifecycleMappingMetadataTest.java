package io.github.apigwddb.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The m2e mapping ships in the plugin jar (the build output) and says what Eclipse runs. */
class LifecycleMappingMetadataTest {

    private static final String RESOURCE = "META-INF/m2e/lifecycle-mapping-metadata.xml";

    @Test
    void checkRunsOnFullBuildsOnlyAndBundleAndDocsAreIgnored() throws Exception {
        Document document = parse();
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("lifecycleMappingMetadata");
        NodeList executions = document.getElementsByTagName("pluginExecution");
        assertThat(executions.getLength()).isEqualTo(2);

        Element check = (Element) executions.item(0);
        assertThat(goals(check)).containsExactly("check");
        Element execute = (Element) check.getElementsByTagName("execute").item(0);
        assertThat(execute).isNotNull();
        assertThat(execute.getElementsByTagName("runOnIncremental").item(0).getTextContent()).isEqualTo("false");

        Element others = (Element) executions.item(1);
        assertThat(goals(others)).containsExactly("bundle", "docs");
        assertThat(others.getElementsByTagName("ignore").getLength()).isEqualTo(1);
    }

    private static Document parse() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        try (InputStream in = LifecycleMappingMetadataTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " in the build output").isNotNull();
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static List<String> goals(Element execution) {
        List<String> goals = new ArrayList<>();
        NodeList nodes = execution.getElementsByTagName("goal");
        for (int i = 0; i < nodes.getLength(); i++) {
            goals.add(nodes.item(i).getTextContent().trim());
        }
        return goals;
    }
}
