package io.github.apigwddb.security;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A URL-encoded form body ({@code email=ann%40example.com&list=weekly}) taken apart into its fields, so that the probe
 * gives each field a value of its own: a template that splits the body and decodes a field writes what the client put
 * there, which the whole body's hostile text, split at its own characters, never reaches (re-trial: a form's unescaped
 * field went unreported). The whole body stays an input as well (a template may write it as it is): while both are set,
 * the body is the fields followed by the whole body's value, so that every marker of the probe's first render shows.
 */
final class FormBody {

    /** Name and value pairs, as browsers send a form. */
    private static final Pattern FORM = Pattern.compile("[^=&\\s]+=[^&\\s]*(&[^=&\\s]+=[^&\\s]*)*");
    /** A value holding none of these goes into the body as it is, as an attacker sends it; else URL-encoded. */
    private static final Pattern SENT_ENCODED = Pattern.compile("[&=%+#\\s\\p{Cntrl}]");

    private final String original;
    private final List<String> names = new ArrayList<>();
    /** Each field as the example's body writes it. */
    private final List<String> originalPairs = new ArrayList<>();
    private final List<String> originalValues = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private String whole;

    private FormBody(String body) {
        this.original = body;
        this.whole = body;
    }

    /** The body's fields, or null when it is no form (or a field's %-escape is malformed). */
    static FormBody of(String body) {
        if (body == null || !FORM.matcher(body).matches()) {
            return null;
        }
        FormBody form = new FormBody(body);
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String value;
            try {
                value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            form.names.add(pair.substring(0, equals));
            form.originalPairs.add(pair);
            form.originalValues.add(value);
            form.values.add(value);
        }
        return form;
    }

    int size() {
        return names.size();
    }

    String name(int field) {
        return names.get(field);
    }

    String value(int field) {
        return originalValues.get(field);
    }

    void setField(int field, String value) {
        values.set(field, value);
    }

    void setWhole(String value) {
        whole = value;
    }

    /** The body as the fields and the whole body's value now make it. */
    String body() {
        boolean wholeChanged = whole == null ? original != null : !whole.equals(original);
        boolean fieldsChanged = !values.equals(originalValues);
        if (wholeChanged && !fieldsChanged) {
            return whole;
        }
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < names.size(); i++) {
            String value = values.get(i);
            body.add(value != null && value.equals(originalValues.get(i)) ? originalPairs.get(i)
                    : names.get(i) + "=" + (value == null ? "" : SENT_ENCODED.matcher(value).find()
                            ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value));
        }
        return wholeChanged ? body + "&" + whole : body.toString();
    }
}
