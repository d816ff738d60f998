package org.stockalerts.api.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a create route that honours the {@code Idempotency-Key} request header: {@link IdempotencyFilter}
 * replays its first successful answer to a retry, and the OpenAPI description documents the header.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {}
