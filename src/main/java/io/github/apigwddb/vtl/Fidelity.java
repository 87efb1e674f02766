package io.github.apigwddb.vtl;

import java.util.List;

/**
 * Every emulation choice that the research could not settle from AWS documentation or recordings
 * (tagged [INFER]/unverified in {@code vtl-facts.md}) lives here, with its source, so it can be
 * revisited in one place once someone checks it against live API Gateway.
 */
public final class Fidelity {

    private Fidelity() {
    }

    /**
     * Whitespace: Velocity 1.7 rules ("bc" gobbling in Velocity 2): a directive's trailing newline is
     * swallowed, its indentation printed, and a {@code #set} line vanishes. API Gateway launched in
     * 2015, before Velocity 2.0 (2017), so 1.7 is the most likely engine (facts §2, §8, S27).
     */
    public static final String SPACE_GOBBLING = "bc";

    /** Velocity 1.x allowed '-' inside identifiers (facts §8: {@code header.X-Amz-Target} raised no error on AWS). */
    public static final boolean HYPHENS_IN_IDENTIFIERS = true;

    /** Velocity 1.7: {@code #if("")} and {@code #if($emptyList)} are true (only null and false are false). */
    public static final boolean IF_EMPTY_IS_FALSE = false;

    /**
     * {@code $input.json(path)} when the path matches nothing: two quote characters. Only source is
     * LocalStack PR #12774, which says it was checked in the AWS console (facts §5, S23, low confidence).
     */
    public static final String JSON_OF_MISSING_PATH = "\"\"";

    /**
     * {@code $input}, {@code $util} rendered directly: AWS-REC S21 shows that output reached Lambda as
     * {@code {}}, which fits either {@code {}} or empty (an empty Lambda payload becomes {}). Empty is
     * chosen, like the recorded {@code $context.identity} (facts §4).
     */
    public static final String VARIABLE_OBJECT_RENDERING = "";

    /**
     * The body is parsed (json-smart permissive, as the AWS 400 message shows) only when the template
     * calls {@code $input.path}/{@code $input.json}: the 400 was recorded for such a template (S21);
     * whether a template using only {@code $input.body} also fails is not known.
     */
    public static final boolean PARSE_BODY_LAZILY = true;

    /**
     * Header map of {@code $input.params()} iterates sorted by name (serverless#1014, 2016, S19);
     * path and querystring keep the example's order.
     */
    public static final boolean SORT_HEADERS_IN_PARAMS = true;

    /**
     * Nested {@code $context} objects that render as an empty string when printed directly, though their
     * keys can be iterated (AWS-REC S13). Other maps print as Java maps.
     */
    public static final List<String> CONTEXT_KEYS_RENDERING_EMPTY = List.of("identity", "requestOverride", "responseOverride");

    /** A response status override outside this range is ignored (LocalStack behaviour, unverified; facts §7). */
    public static final int MIN_OVERRIDE_STATUS = 100;
    public static final int MAX_OVERRIDE_STATUS = 599;

    /**
     * {@code #set($x = $null)} assigns null (Velocity 2 semantics). Velocity 1.7 by default kept the old
     * value; which one AWS has is unverified (facts §2), and the 2.x behaviour is the one that never
     * hides a missing value behind a stale one.
     */
    public static final boolean SET_NULL_ASSIGNS = true;

    /** The body API Gateway substitutes when the payload is empty (AWS-REC S10, S22). */
    public static final String EMPTY_BODY = "{}";
}
