package org.stockalerts.api.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.RequestPath;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The request mappings of the {@link Idempotent} handler methods, so the filter, which runs before
 * Spring MVC, knows whether a request goes to one. Read on first use: the handler mapping is complete
 * only once the application context is.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class IdempotentRoutes {

    private final ObjectProvider<RequestMappingHandlerMapping> handlerMapping;
    private volatile List<RequestMappingInfo> routes;

    boolean matches(HttpServletRequest request) {
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return routes().stream().anyMatch(route -> route.getMatchingCondition(request) != null);
        } finally {
            ServletRequestPathUtils.setParsedRequestPath((RequestPath) previous, request);
        }
    }

    private List<RequestMappingInfo> routes() {
        if (routes == null) {
            routes = handlerMapping.getObject().getHandlerMethods().entrySet().stream()
                    .filter(entry -> entry.getValue().hasMethodAnnotation(Idempotent.class))
                    .map(Map.Entry::getKey)
                    .toList();
        }
        return routes;
    }
}
