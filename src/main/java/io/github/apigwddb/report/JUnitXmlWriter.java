package io.github.apigwddb.report;

import io.github.apigwddb.check.CheckResult;
import io.github.apigwddb.gate.GateOutcome;
import io.github.apigwddb.rules.Finding;
import io.github.apigwddb.rules.Severity;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the check as a JUnit XML test suite (the Ant/Surefire format CI dashboards read): one test case per
 * operation (its static rules) and per operation and example, named {@code METHOD /path [operationId]} and
 * {@code ..., example <name>}, with the spec file relative to the repository root as class name (dotted, see
 * {@link #dotted}) and as {@code file}. A case
 * fails when it has findings at or above {@code failOn}; its other findings go to {@code system-out}.
 * Findings that belong to no operation (a file that cannot be read) form a case named {@code definition}.
 */
public final class JUnitXmlWriter {

    public static final String FILE_NAME = "TEST-apigw.xml";

    private final Path repositoryRoot;
    private final String suiteName;

    public JUnitXmlWriter(Path repositoryRoot) {
        this(repositoryRoot, "apigw");
    }

    /** @param suiteName the test suite's name: modules of one build each name theirs, so dashboards keep them apart */
    public JUnitXmlWriter(Path repositoryRoot, String suiteName) {
        this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        this.suiteName = suiteName;
    }

    private record TestCase(String className, String name, List<Finding> findings) {
    }

    /** @param failOn the lowest severity that fails, null for none */
    public void write(CheckResult result, GateOutcome outcome, Severity failOn, Path target) throws IOException {
        List<TestCase> cases = new ArrayList<>();
        Set<Finding> inCases = Collections.newSetFromMap(new IdentityHashMap<>());
        for (CheckResult.CheckedCase checked : result.cases()) {
            List<Finding> findings = outcome.reportedOf(checked.findings());
            inCases.addAll(findings);
            String name = checked.operation().display() + (checked.example() == null ? "" : ", example " + checked.example());
            cases.add(new TestCase(relative(checked.file()), name, findings));
        }
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding finding : outcome.reported()) {
            if (!inCases.contains(finding)) {
                byFile.computeIfAbsent(relative(finding.position().file()), f -> new ArrayList<>()).add(finding);
            }
        }
        byFile.forEach((file, findings) -> cases.add(new TestCase(file, "definition", findings)));

        long failures = cases.stream().filter(c -> !failing(c, failOn).isEmpty()).count();
        Files.createDirectories(target.toAbsolutePath().getParent());
        // the JDK's XML writer hands every escaped piece to the stream: unbuffered, 20,000 cases cost a second
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", xmlText(suiteName));
            xml.writeAttribute("tests", Integer.toString(cases.size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", "0");
            xml.writeCharacters("\n");
            for (TestCase testCase : cases) {
                writeCase(xml, testCase, failing(testCase, failOn));
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static List<Finding> failing(TestCase testCase, Severity failOn) {
        return failOn == null ? List.of() : testCase.findings().stream().filter(f -> f.severity().atLeast(failOn)).toList();
    }

    private void writeCase(XMLStreamWriter xml, TestCase testCase, List<Finding> failing) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", xmlText(dotted(testCase.className())));
        xml.writeAttribute("name", xmlText(testCase.name()));
        xml.writeAttribute("file", xmlText(testCase.className()));
        xml.writeAttribute("time", "0");
        if (!failing.isEmpty()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", String.join(",", failing.stream().map(f -> f.rule().id()).distinct().toList()));
            xml.writeAttribute("message", xmlText(failing.size() == 1 ? lineOf(failing.get(0))
                    : failing.size() + " findings, first: " + lineOf(failing.get(0))));
            xml.writeCharacters(xmlText(lines(failing)));
            xml.writeEndElement();
        }
        List<Finding> others = testCase.findings().stream().filter(f -> !failing.contains(f)).toList();
        if (!others.isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(xmlText(lines(others)));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /**
     * A file's path as a class name: dashboards (Jenkins, Azure DevOps) split a class name at its last dot into package
     * and class, so {@code api/items-api.yaml} becomes {@code api.items-api_yaml}, the directory as package. The path
     * itself is in the {@code file} attribute, where GitLab reads it.
     */
    static String dotted(String written) {
        String path = written.replace('\\', '/');
        while (path.startsWith("/") || path.startsWith("../")) {
            path = path.substring(path.startsWith("/") ? 1 : 3); // a file outside the repository: no empty package
        }
        int slash = path.lastIndexOf('/');
        String directory = slash < 0 ? "" : path.substring(0, slash).replace('.', '_').replace('/', '.');
        String name = path.substring(slash + 1).replace('.', '_');
        return directory.isEmpty() ? name : directory + "." + name;
    }

    /**
     * The text with what XML 1.0 cannot hold replaced by U+FFFD: control characters but tab and line breaks, lone
     * surrogates, U+FFFE and U+FFFF. An operationId or message may hold them, and one would make the whole report
     * unreadable to CI dashboards.
     */
    static String xmlText(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE) || pair;
            if (!allowed && clean == null) {
                clean = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (clean != null) {
                clean.append(allowed ? c : '\uFFFD');
                if (pair) {
                    clean.append(text.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return clean == null ? text : clean.toString();
    }

    private String lines(List<Finding> findings) {
        StringBuilder text = new StringBuilder();
        findings.forEach(f -> text.append(lineOf(f)).append('\n'));
        return text.toString();
    }

    /** {@code [ERROR] path/relative/to/repo:[line,col] RULE message (operation, example)}. */
    private String lineOf(Finding finding) {
        String line = ConsoleFormat.line(finding);
        String absolute = finding.position().file().toString();
        return "[" + finding.severity().name() + "] " + (line.startsWith(absolute) ? relative(finding.position().file())
                + line.substring(absolute.length()) : line);
    }

    private String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return (absolute.startsWith(repositoryRoot) ? repositoryRoot.relativize(absolute) : absolute).toString().replace('\\', '/');
    }
}
