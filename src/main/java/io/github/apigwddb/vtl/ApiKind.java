package io.github.apigwddb.vtl;

/**
 * The kind of API a template belongs to: what API Gateway gives its templates differs. WebSocket APIs document
 * {@code $input.body}, {@code json} and {@code path} only, and a {@code $context} of their own (connectionId, routeKey,
 * eventType, ...; docs/research/websocket-facts.md §1-2).
 */
public enum ApiKind {
    REST,
    WEBSOCKET
}
