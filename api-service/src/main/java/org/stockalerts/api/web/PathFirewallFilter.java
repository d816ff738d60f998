package org.stockalerts.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request target that is not in normal form with a 400 problem detail before anything
 * else judges it: dot segments ({@code /actuator/../users/x}, also percent-encoded), path parameters
 * ({@code ;jsessionid=}), empty segments ({@code //users}) and encoded separators. Without them the API
 * key filter, Spring MVC and the actuator could each read a different path from the same target, as
 * Spring Security's {@code StrictHttpFirewall} prevents in applications that have it.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PathFirewallFilter extends OncePerRequestFilter {

    /** A dot segment, spelled plainly or percent-encoded, between slashes or at the end. */
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)(\\.|%2e){1,2}(/|$)");

    private final ProblemResponses problems;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isNormal(request.getRequestURI())) {
            problems.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "Bad Request",
                    "the request path must be in normal form: no '.' or '..' segments, ';', '//' or encoded separators");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isNormal(String rawPath) {
        String path = rawPath.toLowerCase(Locale.ROOT);
        return !DOT_SEGMENT.matcher(path).find()
                && !path.contains(";")
                && !path.contains("//")
                && !path.contains("\\")
                && !path.contains("%2f")
                && !path.contains("%5c")
                && !path.contains("%3b")
                && !path.contains("%25");
    }
}
