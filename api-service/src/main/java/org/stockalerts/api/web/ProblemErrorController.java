package org.stockalerts.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}) as a problem detail, in place of Boot's
 * {@code BasicErrorController}: errors raised below Spring MVC (a filter's exception, the
 * container's own {@code sendError}) answer like every other error of the API. Only the status and
 * its reason phrase go out, never the exception or its message. The body is written directly, so no
 * {@code Accept} header can turn it into an HTML page or a 406.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProblemErrorController implements ErrorController {

    private final ProblemResponses problems;

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = statusOf(request);
        problems.write(response, status, status.getReasonPhrase(), detailOf(status));
    }

    /** The status the container recorded; none when {@code /error} is asked for directly, which is no resource. */
    private static HttpStatus statusOf(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = HttpStatus.resolve(code);
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String detailOf(HttpStatus status) {
        return status == HttpStatus.NOT_FOUND ? "no resource at this path" : "the request could not be processed";
    }
}
