package io.github.apigwddb.cloudformation;

import io.github.apigwddb.rules.Finding;
import java.util.List;

/** What reading a template gave: its REST APIs, and the findings of reading it (CFN rules). */
public record TemplateReading(List<TemplateApi> apis, List<Finding> findings, List<String> notes) {
}
