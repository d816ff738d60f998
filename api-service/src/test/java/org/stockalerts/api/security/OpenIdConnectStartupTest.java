package org.stockalerts.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.stockalerts.api.web.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

/**
 * What api-service's JWT settings let it start with: Spring Boot's resource server configuration and {@link
 * SecurityConfiguration}, on a database and an issuer never reached (nothing is fetched before the first token).
 */
@ExtendWith(OutputCaptureExtension.class)
class OpenIdConnectStartupTest {

    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OAuth2ResourceServerAutoConfiguration.class))
            .withUserConfiguration(SecurityConfiguration.class)
            .withBean(JdbcTemplate.class, () -> new JdbcTemplate(new DriverManagerDataSource()))
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(SecuritySettings.class, () -> new SecuritySettings(""))
            .withBean(
                    ProblemResponses.class,
                    () -> new ProblemResponses(JsonMapper.builder().build()))
            .withBean(JwtSettings.class, () -> new JwtSettings("sub"))
            .withBean(FederatedUsers.class, () -> identity -> {
                throw new AssertionError("no token is sent here");
            });

    @Test
    void refusesToStartWithAJwkSetButNoIssuerToCheckTokensAgainst() {
        // Given a JWK set URI alone, as for a key set several tenants share
        context.withPropertyValues(JWT + "jwk-set-uri=https://login.example.test/common/keys", JWT + "audiences=api")
                // When the service starts
                .run(started -> {
                    // Then it refuses, naming the setting that is missing
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining(SecurityConfiguration.ISSUER_URI)
                            .hasMessageContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
                });
    }

    @Test
    void startsWithAJwkSetAndTheIssuerItSignsFor() {
        // Given a JWK set URI and the issuer URI together
        context.withPropertyValues(
                        JWT + "jwk-set-uri=https://login.example.test/tenant/keys",
                        JWT + "issuer-uri=https://login.example.test/tenant/v2.0",
                        JWT + "audiences=api")
                // When the service starts
                .run(started -> {
                    // Then it has a decoder and the filter
                    assertThat(started).hasNotFailed().hasSingleBean(JwtDecoder.class);
                    assertThat(started).hasBean("apiKeyAuthenticationFilter");
                });
    }

    @Test
    void startsWithoutAnyIssuerAndAcceptsApiKeysOnly() {
        // Given no JWT setting, When the service starts, Then it has no decoder and needs no issuer
        context.run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(JwtDecoder.class));
    }

    @Test
    void warnsOnceAtStartupWhenNoAudienceIsChecked(CapturedOutput output) {
        // Given an issuer but no audiences
        context.withPropertyValues(JWT + "issuer-uri=https://issuer.example.test")
                // When the service starts
                .run(started -> {
                    // Then it starts and warns once that any audience is accepted
                    assertThat(started).hasNotFailed();
                    assertThat(output.getOut().split("JWT audiences are not checked", -1))
                            .hasSize(2);
                });
    }

    @Test
    void doesNotWarnWhenAudiencesAreChecked(CapturedOutput output) {
        // Given an issuer and its audience
        context.withPropertyValues(JWT + "issuer-uri=https://issuer.example.test", JWT + "audiences=stock-alerts")
                // When the service starts, Then it says nothing about audiences
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(output.getOut()).doesNotContain("JWT audiences are not checked");
                });
    }
}
