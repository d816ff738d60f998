package org.stockalerts.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description: the API key as a bearer scheme, so Swagger UI's "Authorize" sends it. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";

    @Bean
    OpenAPI stockAlertsOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Stock Alerts API")
                        .version("1")
                        .description("Users, portfolios, alert rules, notification channels and fired alerts."
                                + " Register with POST /users, then send the returned key as"
                                + " 'Authorization: Bearer <key>'. Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description(
                                                "The API key returned once by POST /users, or a JWT of the OpenID Connect"
                                                        + " issuer when one is configured (docs/security.md)")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    @Bean
    JsonAnswers jsonAnswers() {
        return new JsonAnswers();
    }
}
