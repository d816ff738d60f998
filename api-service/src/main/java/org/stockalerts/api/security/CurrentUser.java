package org.stockalerts.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the authenticated caller into a controller method. Every route except the public ones
 * (see {@link ApiKeyAuthenticationFilter#isPublic}) only reaches a controller once the caller has
 * presented a valid {@code Authorization: Bearer <key>}.
 *
 * <pre>{@code
 * @GetMapping("/stocks/{symbol}")
 * Quote quote(@PathVariable String symbol, @CurrentUser Caller caller) { ... }   // user or admin
 * @GetMapping("/me/things")
 * List<Thing> mine(@CurrentUser UUID userId) { ... }   // a user only; the admin key gets 404
 * }</pre>
 *
 * Outside controllers (a WebSocket handshake, a filter) read the request attribute
 * {@link ApiKeyAuthenticationFilter#CALLER_ATTRIBUTE}, which holds the {@link Caller}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CurrentUser {}
