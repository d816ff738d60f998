package org.stockalerts.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class HttpInputErrorsTest extends ApiIntegrationTestSupport {

    @Test
    void answersBadInputWithProblemDetailsAndTheRightStatus() {
        // Given a user
        TestUser alice = registerUser("Alice");

        // When requests are malformed, of the wrong type, too large, for unknown ids or paths
        MvcTestResult malformed = post(alice, "/alerts", "{\"symbol\": ");
        MvcTestResult unknownField = mvc.post()
                .uri("/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Eve\", \"admin\": true}")
                .exchange();
        MvcTestResult wrongType = mvc.post()
                .uri("/alerts")
                .header(HttpHeaders.AUTHORIZATION, alice.bearer())
                .contentType(MediaType.TEXT_PLAIN)
                .content("symbol=AAPL")
                .exchange();
        MvcTestResult tooLarge = post(alice, "/alerts", "{\"symbol\": \"" + "A".repeat(70_000) + "\"}");
        MvcTestResult badId = get(alice, "/alerts/not-a-uuid");
        MvcTestResult blankName = mvc.post()
                .uri("/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"  \"}")
                .exchange();

        // Then each is a problem detail with its status, never a 500
        assertProblem(malformed, 400);
        assertProblem(unknownField, 400);
        assertThat(json(unknownField).get("detail").asString()).contains("admin");
        assertProblem(wrongType, 415);
        assertProblem(tooLarge, 413);
        assertProblem(badId, 400);
        assertProblem(blankName, 400);
    }

    @Test
    void refusesADuplicateEmailAtRegistrationWith409() {
        // Given a user registered with an e-mail address
        String email = "dup-" + System.nanoTime() + "@example.com";
        String body = "{\"name\": \"Ann\", \"email\": \"" + email + "\"}";
        assertThat(mvc.post()
                        .uri("/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .exchange())
                .hasStatus(201);

        // When someone registers with the same address in other case
        MvcTestResult again = mvc.post()
                .uri("/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("dup-", "DUP-"))
                .exchange();

        // Then it conflicts
        assertProblem(again, 409);
    }
}
