package io.github.apigwddb.vtl;

/**
 * A read of a whole map of request parameters, not of one by name: {@code $input.params().get('header')},
 * {@code #foreach($h in $input.params().header.keySet())}, {@code $input.params()}. Every parameter of that location a
 * client sends reaches the template, whatever its name.
 *
 * @param location {@code path}, {@code querystring} or {@code header}; null for {@code $input.params()}, all of them
 * @param line     1-based line of the read in the template
 * @param column   1-based column of the read in the template
 * @param routeGuarded whether the read is in a branch that runs only on {@code $connect} (see
 *     {@link InputParamCall#routeGuarded()})
 */
public record ParamMapRead(String location, int line, int column, boolean routeGuarded) {

    /** Whether the read holds the parameters of {@code location}. */
    public boolean covers(String location) {
        return this.location == null || this.location.equals(location);
    }
}
