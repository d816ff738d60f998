package org.stockalerts.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents a route's {@link JsonAnswer} as the response an {@code @ApiResponse} with that example gives, in place
 * of the 200 springdoc derives from the return type (whose schema the description never showed).
 */
class JsonAnswers implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        JsonAnswer answer = handlerMethod.getMethodAnnotation(JsonAnswer.class);
        if (answer == null) {
            return operation;
        }
        ApiResponse response = new ApiResponse()
                .description(answer.status().getReasonPhrase())
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                                new MediaType().example(example(answer.value()))));
        ApiResponses responses = operation.getResponses();
        responses.remove(String.valueOf(HttpStatus.OK.value()));
        responses.addApiResponse(String.valueOf(answer.status().value()), response);
        return operation;
    }

    /** Parsed as swagger-core parses an {@code @ExampleObject}, so the description shows it as JSON. */
    private static Object example(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a @JsonAnswer example is not JSON: " + json, e);
        }
    }
}
