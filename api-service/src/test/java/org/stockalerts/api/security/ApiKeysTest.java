package org.stockalerts.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void generatesDistinctKeysWhoseHashIsStableHexSha256() {
        // When two keys are generated
        String first = ApiKeys.generate();
        String second = ApiKeys.generate();

        // Then they differ, and each hashes to the same 64 hex characters every time
        assertThat(first).startsWith("sa_").isNotEqualTo(second);
        assertThat(ApiKeys.hash(first)).matches("[0-9a-f]{64}").isEqualTo(ApiKeys.hash(first));
        assertThat(ApiKeys.hash(first)).isNotEqualTo(ApiKeys.hash(second));
        assertThat(ApiKeys.prefixOf(first)).hasSize(ApiKeys.PREFIX_LENGTH);
    }

    @Test
    void opensOnlyRegistrationTheProbesTheApiDescriptionAndTheDashboardFiles() {
        assertThat(ApiKeyAuthenticationFilter.isPublic("POST", "/users")).isTrue();
        assertThat(ApiKeyAuthenticationFilter.isPublic("GET", "/livez")).isTrue();
        assertThat(ApiKeyAuthenticationFilter.isPublic("GET", "/readyz")).isTrue();
        assertThat(ApiKeyAuthenticationFilter.isPublic("GET", "/actuator/health"))
                .isTrue();
        assertThat(ApiKeyAuthenticationFilter.isPublic("GET", "/v3/api-docs/swagger-config"))
                .isTrue();
        assertThat(ApiKeyAuthenticationFilter.isPublic("GET", "/swagger-ui/index.html"))
                .isTrue();
        assertThat(ApiKeyAuthenticationFilter.isPublic("GET", "/swagger-ui.html"))
                .isTrue();
        assertThat(ApiKeyAuthenticationFilter.isPublic("GET", "/")).isTrue();
        assertThat(ApiKeyAuthenticationFilter.isPublic("GET", "/app/main.js")).isTrue();
        assertThat(ApiKeyAuthenticationFilter.isPublic("GET", "/webjars/uplot/dist/uPlot.esm.js"))
                .isTrue();
        assertThat(ApiKeyAuthenticationFilter.isPublic("POST", "/app/main.js")).isFalse();
        assertThat(ApiKeyAuthenticationFilter.isPublic("GET", "/users")).isFalse();
        assertThat(ApiKeyAuthenticationFilter.isPublic("POST", "/users/x/portfolio"))
                .isFalse();
        assertThat(ApiKeyAuthenticationFilter.isPublic("GET", "/stocks/AAPL")).isFalse();
        assertThat(ApiKeyAuthenticationFilter.isPublic("GET", "/actuatorx")).isFalse();
        assertThat(ApiKeyAuthenticationFilter.isPublic("GET", "/livez/x")).isFalse();
        assertThat(ApiKeyAuthenticationFilter.isPublic("GET", "/readyz/../users"))
                .isFalse();
    }
}
