package io.github.apigwddb.vtl;

/**
 * A read of DynamoDB's answer through a template variable or after a call, turned into the JSONPath it stands for:
 * {@code $r.Code} inside {@code #foreach($r in $input.path('$.CancellationReasons'))} reads
 * {@code $.CancellationReasons[*].Code}; {@code $item.name.S} after {@code #set($item = $input.path('$.Item'))} reads
 * {@code $.Item.name.S}. So a response template's paths can be judged whether written in the call or after it.
 *
 * @param reference  the reference as written, up to the last step followed ({@code $r.code})
 * @param jsonPath   the path it reads
 * @param origin     the {@code $input.path('...')} literal the value comes from ({@code $.CancellationReasons})
 * @param line       1-based line of the reference in the template
 * @param column     1-based column of the reference in the template
 */
public record DerivedPathRead(String reference, String jsonPath, String origin, int line, int column) {
}
