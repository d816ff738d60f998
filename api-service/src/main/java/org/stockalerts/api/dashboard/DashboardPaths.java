package org.stockalerts.api.dashboard;

import org.springframework.http.HttpMethod;

/**
 * The files of the web dashboard (docs/dashboard.md): its page at {@code /}, its modules and styles under
 * {@code /app/}, the chart library under {@code /webjars/}, and its sign-in settings at {@link #CONFIG}. They are
 * public (the page asks for the API key or a token itself and sends it with each API call) and carry the
 * dashboard's security headers.
 */
public final class DashboardPaths {

    /** The page's sign-in settings ({@link DashboardSignIn}). */
    public static final String CONFIG = "/dashboard/config.json";

    private DashboardPaths() {}

    /** Whether {@code method} on {@code path} reads one of the dashboard's files. */
    public static boolean contains(String method, String path) {
        return (HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method))
                && (path.equals("/")
                        || path.equals("/index.html")
                        || path.equals("/favicon.ico")
                        || path.equals(CONFIG)
                        || path.startsWith("/app/")
                        || path.startsWith("/webjars/"));
    }
}
