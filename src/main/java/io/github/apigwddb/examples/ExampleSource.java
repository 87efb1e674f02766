package io.github.apigwddb.examples;

/** Where an example came from, in the order the contract gives (§3). */
public enum ExampleSource {
    /** {@code x-apigw-examples} on the operation. */
    EXTENSION,
    /** {@code src/test/apigateway/examples/<operation>.(json|yaml)}. */
    SIDECAR,
    /** The spec's own {@code example}/{@code examples}/{@code x-example}. */
    SPEC,
    /** Made up from the schemas, and from what the request template reads, because no example exists. */
    SYNTHESISED
}
