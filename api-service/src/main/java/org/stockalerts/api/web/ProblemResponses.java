package org.stockalerts.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem detail straight to the response, for filters that answer before Spring MVC. */
@Component
@RequiredArgsConstructor
public class ProblemResponses {

    private final JsonMapper json;

    public void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        write(response, status, body(status.value(), title, detail, Map.of()));
    }

    /** Answers {@code refusal} as {@link ProblemDetailsAdvice} would, its headers and extra members included. */
    public void write(HttpServletResponse response, ApiException refusal) throws IOException {
        refusal.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        write(
                response,
                refusal.status(),
                body(refusal.status().value(), refusal.title(), refusal.getMessage(), refusal.properties()));
    }

    private static void write(HttpServletResponse response, HttpStatus status, String body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(body);
    }

    /** The JSON text of a problem detail. */
    String body(int status, String title, String detail) {
        return body(status, title, detail, Map.of());
    }

    private String body(int status, String title, String detail, Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(properties);
        return json.writeValueAsString(body);
    }
}
