package io.github.apigwddb.examples;

/** What stands for a page token (a Base64-encoded LastEvaluatedKey a client sends back) where no example gives one. */
public final class PageToken {

    /** {@code {}} in Base64, which URL-decodes to itself: the smallest token that decodes to a JSON object. */
    public static final String STAND_IN = "e30=";

    private PageToken() {
    }
}
