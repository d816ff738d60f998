package org.stockalerts.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.HttpStatus;

/**
 * The JSON answer of a route in the OpenAPI description: its status and an example body. {@link JsonAnswers}
 * writes it as the {@code @ApiResponse} with an {@code application/json} example each route would otherwise spell
 * out, so a route says only what differs: the example, and 201 where it creates.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JsonAnswer {

    /** An example of the body, as JSON text (an {@code *Examples} constant). */
    String value();

    HttpStatus status() default HttpStatus.OK;
}
