package org.stockalerts.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@link WebSettings#maxRequestBytes()} with a 413 problem
 * detail. Bodies of unknown length (chunked) are refused too: clients of this API send small JSON
 * documents with a Content-Length.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemResponses problems;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > maxBytes || chunked) {
            problems.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Content too large",
                    "request bodies are limited to " + maxBytes + " bytes with a Content-Length");
            return;
        }
        chain.doFilter(request, response);
    }
}
