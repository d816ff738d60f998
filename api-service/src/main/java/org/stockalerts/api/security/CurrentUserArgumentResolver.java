package org.stockalerts.api.security;

import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.stockalerts.api.web.NotFoundException;

/** Resolves {@link CurrentUser} parameters of type {@link Caller} or {@link UUID} (the user's id). */
class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return parameter.hasParameterAnnotation(CurrentUser.class) && (type == Caller.class || type == UUID.class);
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        Object caller =
                request.getAttribute(ApiKeyAuthenticationFilter.CALLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (!(caller instanceof Caller authenticated)) {
            throw new IllegalStateException("no authenticated caller on a protected route");
        }
        if (parameter.getParameterType() == Caller.class) {
            return authenticated;
        }
        if (authenticated.admin()) {
            throw new NotFoundException("user", "of the admin key");
        }
        return authenticated.userId();
    }
}
