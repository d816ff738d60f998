package org.stockalerts.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

class JsonAnswersTest {

    private final JsonAnswers answers = new JsonAnswers();

    @Test
    void replacesTheDerivedResponseWithTheCreatedAnswerAndItsExample() throws Exception {
        // Given an operation with the 200 springdoc derives from the return type, and a route that creates
        Operation operation = withDerivedResponse();

        // When it is customized
        answers.customize(operation, route("create"));

        // Then it documents only the 201 with the example as JSON
        assertThat(operation.getResponses()).containsOnlyKeys("201");
        ApiResponse created = operation.getResponses().get("201");
        assertThat(created.getDescription()).isEqualTo("Created");
        assertThat(created.getContent()).containsOnlyKeys("application/json");
        assertThat(created.getContent().get("application/json").getExample()).hasToString("{\"id\":1,\"price\":200.0}");
    }

    @Test
    void documentsAnOkAnswerAndLeavesRoutesWithoutOneAlone() throws Exception {
        // Given two routes with the derived 200, one with an answer and one without
        Operation answered = withDerivedResponse();
        Operation plain = withDerivedResponse();

        // When both are customized
        answers.customize(answered, route("get"));
        answers.customize(plain, route("plain"));

        // Then the answered one shows its example under 200 OK, the other keeps what springdoc derived
        assertThat(answered.getResponses().get("200").getDescription()).isEqualTo("OK");
        assertThat(answered.getResponses()
                        .get("200")
                        .getContent()
                        .get("application/json")
                        .getExample())
                .hasToString("[1,2]");
        assertThat(plain.getResponses().get("200").getContent()).containsOnlyKeys("*/*");
    }

    private static Operation withDerivedResponse() {
        return new Operation()
                .responses(new ApiResponses()
                        .addApiResponse(
                                "200",
                                new ApiResponse()
                                        .description("OK")
                                        .content(new Content().addMediaType("*/*", new MediaType()))));
    }

    private static HandlerMethod route(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Routes(), Routes.class.getDeclaredMethod(name));
    }

    static class Routes {

        @JsonAnswer(status = HttpStatus.CREATED, value = "{\"id\": 1, \"price\": 200.0}")
        void create() {}

        @JsonAnswer("[1, 2]")
        void get() {}

        void plain() {}
    }
}
