package org.stockalerts.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.stockalerts.api.web.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

class RateLimitFilterTest {

    private final ProblemResponses problems =
            new ProblemResponses(JsonMapper.builder().build());

    @Test
    void refusesWith503WhileTheBucketsCannotBeReached() throws Exception {
        // Given a limiter whose shared store fails
        AtomicBoolean passedOn = new AtomicBoolean();
        RateLimitFilter filter = new RateLimitFilter(
                request -> {
                    throw new DataAccessResourceFailureException("connection refused");
                },
                problems);
        MockHttpServletResponse response = new MockHttpServletResponse();

        // When a request arrives
        filter.doFilter(new MockHttpServletRequest("GET", "/users"), response, (req, res) -> passedOn.set(true));

        // Then it is refused as the server's condition, with a problem detail and Retry-After, not passed on
        assertThat(passedOn).isFalse();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER))
                .isEqualTo(String.valueOf(RateLimitFilter.UNREACHABLE_RETRY_AFTER_SECONDS));
        assertThat(response.getContentAsString()).contains("\"status\":503").doesNotContain("connection refused");
    }

    @Test
    void passesOnARequestNoLimitRefuses() throws Exception {
        // Given a limiter that admits everything
        AtomicBoolean passedOn = new AtomicBoolean();
        RateLimitFilter filter = new RateLimitFilter(request -> Optional.empty(), problems);
        MockHttpServletResponse response = new MockHttpServletResponse();

        // When a request arrives
        filter.doFilter(new MockHttpServletRequest("GET", "/users"), response, (req, res) -> passedOn.set(true));

        // Then the chain goes on
        assertThat(passedOn).isTrue();
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
