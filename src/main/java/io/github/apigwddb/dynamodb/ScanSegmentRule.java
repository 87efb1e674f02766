package io.github.apigwddb.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** DDB011: parallel-scan members come together and Segment is below TotalSegments (DYN scan.js). */
final class ScanSegmentRule implements RequestRule {

    @Override
    public String ruleId() {
        return RuleIds.SEGMENTS;
    }

    @Override
    public void check(String action, ObjectNode request, Violations violations) {
        if (!action.equals("Scan")) {
            return;
        }
        JsonNode segment = request.get("Segment");
        JsonNode totalSegments = request.get("TotalSegments");
        boolean hasSegment = segment != null && !segment.isNull();
        boolean hasTotal = totalSegments != null && !totalSegments.isNull();
        if (hasSegment && !hasTotal) {
            violations.add(ruleId(), RequestPath.ROOT.member("TotalSegments"), "The TotalSegments parameter is required "
                    + "but was not present in the request when Segment parameter is present");
        } else if (hasTotal && !hasSegment) {
            violations.add(ruleId(), RequestPath.ROOT.member("Segment"), "The Segment parameter is required "
                    + "but was not present in the request when parameter TotalSegments is present");
        } else if (hasSegment && segment.isIntegralNumber() && totalSegments.isIntegralNumber()
                && segment.asLong() >= totalSegments.asLong()) {
            violations.add(ruleId(), RequestPath.ROOT.member("Segment"), "The Segment parameter is zero-based and must be "
                    + "less than parameter TotalSegments: Segment: " + segment.asLong()
                    + " is not less than TotalSegments: " + totalSegments.asLong());
        }
    }
}
