package io.github.apigwddb.vtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentTemplatesTest {

    @Test
    void keepsTheMostRecentlyUsedAndDropsTheLeastRecentlyUsed() {
        RecentTemplates recent = new RecentTemplates(2);
        Object a = new Object();
        Object b = new Object();
        recent.putIfAbsent("a", a);
        recent.putIfAbsent("b", b);
        assertThat(recent.get("a")).isSameAs(a); // "a" is now more recent than "b"
        recent.putIfAbsent("c", new Object());

        assertThat(recent.get("b")).isNull();
        assertThat(recent.get("a")).isSameAs(a);
        assertThat(recent.size()).isEqualTo(2);
    }

    @Test
    void theFirstEntryOfATextWins() {
        RecentTemplates recent = new RecentTemplates(4);
        Object first = new Object();
        assertThat(recent.putIfAbsent("t", first)).isSameAs(first);
        assertThat(recent.putIfAbsent("t", new Object())).isSameAs(first);
        assertThat(recent.get("t")).isSameAs(first);
    }

    @Test
    void refusesAnEmptyCapacity() {
        assertThatThrownBy(() -> new RecentTemplates(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEngineCompilesATextOnceWhileItIsRecentAndAgainAfterItWasDropped() throws TemplateSyntaxException {
        ApiGatewayTemplateEngine engine = new ApiGatewayTemplateEngine();
        CompiledTemplate first = engine.compile("a", "{\"TableName\": \"T\"}");
        CompiledTemplate again = engine.compile("b", "{\"TableName\": \"T\"}");
        assertThat(again.parsed).isSameAs(first.parsed);
        assertThat(again.name()).isEqualTo("b");

        for (int i = 0; i < RecentTemplates.DEFAULT_CAPACITY; i++) {
            engine.compile("other", "{\"TableName\": \"T" + i + "\"}");
        }
        CompiledTemplate afterwards = engine.compile("c", "{\"TableName\": \"T\"}");
        assertThat(afterwards.parsed).isNotSameAs(first.parsed);
        assertThat(engine.render(afterwards, TemplateInput.ofBody("{}")).output())
                .isEqualTo(engine.render(first, TemplateInput.ofBody("{}")).output());
    }

    @Test
    void aSyntaxErrorIsReportedTheSameWayEachTime() {
        ApiGatewayTemplateEngine engine = new ApiGatewayTemplateEngine();
        String broken = "#if($x)\n{\"a\": 1}";
        assertThatThrownBy(() -> engine.compile("a", broken)).isInstanceOf(TemplateSyntaxException.class)
                .satisfies(e -> assertThatThrownBy(() -> engine.compile("b", broken)).hasMessage(e.getMessage()));
    }
}
