package io.github.apigwddb.vtl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How deeply a regex nests repetitions: what makes the JDK backtrack without reading a character. */
class RegexNestingTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "\\';0", "abc;0", "a*;1", "a+b?;1", "(a*)*;2", "((a*)+){2,};3", "(?:a|b*)*c;2", "[(*]*;1", "\\(a*\\)*;1",
        "a{2};1", "a{;0", "\\Q(a*)*\\E;0", "[a-z&&[^(*)]]+;1", "(a)(b*)(c+)+;2", "^[0-9]{1,4}$;1", "(\\w+\\s?)*$;2",
        "(a*?)*+;2", "((((((((((a*)*)*)*)*)*)*)*)*)*)b;10", "(a*)*)b;2",
        // where a scan could misjudge a class's end, the groups after it still count
        "[a\\Q[\\E](((a*)*)*)*b];4"})
    void depth(String regex, int depth) {
        assertThat(RegexNesting.depth(regex)).isEqualTo(depth);
    }

    @org.junit.jupiter.api.Test
    void aClassOpenedInsideACommentDoesNotHideTheGroupsAfterIt() {
        assertThat(RegexNesting.depth("(?x)#[\n(((a*)*)*)*b]")).isEqualTo(4);
    }
}
