package io.github.apigwddb.gate;

import io.github.apigwddb.rules.Finding;

/**
 * A finding the gate does not count, and why: an {@code x-apigw-ignore} entry in the spec (SARIF
 * suppression kind {@code inSource}) or the baseline file ({@code external}).
 */
public record SuppressedFinding(Finding finding, Kind kind, String justification) {

    public enum Kind {
        IN_SOURCE("inSource"),
        BASELINE("external");

        private final String sarifKind;

        Kind(String sarifKind) {
            this.sarifKind = sarifKind;
        }

        public String sarifKind() {
            return sarifKind;
        }
    }
}
