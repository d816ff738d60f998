package org.stockalerts.api.dashboard;

import org.springframework.http.HttpMethod;

/**
 * The files of the web dashboard (docs/dashboard.md): its page at {@code /}, its modules and styles under
 * {@code /app/}, the chart library under {@code /webjars/}. They are public (the page asks for the API key
 * itself and sends it with each API call) and carry the dashboard's security headers.
 */
public final class DashboardPaths {

    private DashboardPaths() {}

    /** Whether {@code method} on {@code path} reads one of the dashboard's files. */
    public static boolean contains(String method, String path) {
        return (HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method))
                && (path.equals("/")
                        || path.equals("/index.html")
                        || path.equals("/favicon.ico")
                        || path.startsWith("/app/")
                        || path.startsWith("/webjars/"));
    }
}
