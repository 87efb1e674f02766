package io.github.apigwddb.gate;

import io.github.apigwddb.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What identifies a finding across edits of unrelated parts of the file: rule, operation, example and the
 * message with whitespace collapsed, the absolute file path left out and the numbers of the lines and columns it
 * names ({@code at output line 8, column 22}: where the rendered request broke) blanked. Not the line or column,
 * which move whenever something above is edited. The baseline and SARIF's {@code partialFingerprints} both use it.
 */
public final class FindingFingerprint {

    /** The SARIF {@code partialFingerprints} key; versioned so a future change of the recipe is visible. */
    public static final String SARIF_KEY = "apigwFinding/v2";
    /** A place a message names: in the rendered output, or in a file the finding's position already gives. */
    private static final Pattern PLACE = Pattern.compile("\\b(line|column) [0-9]+");

    private FindingFingerprint() {
    }

    /** 32 hex digits (128 bits of SHA-256). */
    public static String of(Finding finding) {
        return of(finding, finding.example() == null ? "" : finding.example());
    }

    /** The fingerprint the finding would have with {@code example} ("" for none) as its example. */
    static String of(Finding finding, String example) {
        String text = String.join("\u0000",
                finding.rule().id(),
                finding.operation() == null ? "" : finding.operation().qualifiedName(),
                example,
                normalisedMessage(finding));
        return sha256(text).substring(0, 32);
    }

    /** The message without the finding's absolute file path and the places it names, with runs of whitespace as one space. */
    static String normalisedMessage(Finding finding) {
        String message = finding.message();
        Path file = finding.position().file();
        if (file != null) {
            String absolute = file.toAbsolutePath().normalize().toString();
            message = message.replace(absolute, file.getFileName().toString());
        }
        return PLACE.matcher(message.strip().replaceAll("\\s+", " ")).replaceAll("$1 _");
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
