package io.github.apigwddb.dynamodb.schema;

/**
 * A key attribute of a table or index.
 *
 * @param name the attribute name
 * @param type its scalar type: {@code S}, {@code N} or {@code B}
 */
public record KeyAttribute(String name, String type) {

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
