package io.github.apigwddb.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SwaggerParserMessagesTest {

    @Test
    void readsThePathOfAMessageIntoAPointer() {
        assertThat(SwaggerParserMessages.pointerOf("attribute paths.'/app/{linkId}'(put).responses.200.headers.Location.type is unexpected"))
                .isEqualTo("/paths/~1app~1{linkId}/put/responses/200/headers/Location/type");
        assertThat(SwaggerParserMessages.pointerOf("attribute info.title is missing")).isEqualTo("/info/title");
        assertThat(SwaggerParserMessages.pointerOf("attribute securityDefinitions is unexpected")).isEqualTo("/securityDefinitions");
    }

    @Test
    void aMessageWithoutAPathPointsAtTheDocument() {
        assertThat(SwaggerParserMessages.pointerOf("")).isEmpty();
    }
}
