package org.stockalerts.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's sign-in through a configured issuer: its public settings route and the policy that lets the page
 * reach the issuer. The issuer is never contacted: the service fetches nothing before the first token. The context
 * of its own is closed afterwards.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(
        properties = {
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.example.test:8443/realms/stocks",
            "stockalerts.dashboard.oidc.client-id=stock-alerts-dashboard",
            "stockalerts.dashboard.oidc.scopes=openid,profile,email",
            "stockalerts.dashboard.oidc.name=Example Login",
            // a context of its own next to the suite's cached ones: few connections, for a shared PostgreSQL
            "spring.datasource.hikari.maximum-pool-size=2",
            "stockalerts.api.rate-limits.pool-size=1"
        })
class DashboardSignInTest extends ApiIntegrationTestSupport {

    @Test
    void offersTheIssuerSignInWithPublicSettingsOnly() {
        // When the page's sign-in settings are read without a key
        MvcTestResult result = mvc.get().uri("/dashboard/config.json").exchange();

        // Then they name the issuer, the page's public client id, its scopes and the button's name, nothing else
        assertThat(result).hasStatusOk();
        JsonNode oidc = json(result).get("oidc");
        assertThat(oidc.get("issuer").asString()).isEqualTo("https://login.example.test:8443/realms/stocks");
        assertThat(oidc.get("clientId").asString()).isEqualTo("stock-alerts-dashboard");
        assertThat(oidc.get("scopes").asString()).isEqualTo("openid profile email");
        assertThat(oidc.get("name").asString()).isEqualTo("Example Login");
        assertThat(oidc.get("tokenOrigin").asString()).isEqualTo("https://login.example.test:8443");
        assertThat(oidc.propertyNames())
                .containsExactlyInAnyOrder("issuer", "clientId", "scopes", "name", "tokenOrigin");
    }

    @Test
    void letsThePageConnectToTheIssuersOriginAndNoOtherOne() {
        // When the page is read
        MvcTestResult page = mvc.get().uri("/").exchange();

        // Then its policy adds the issuer's origin, port included, to connect-src and changes nothing else
        String policy = page.getResponse().getHeader("Content-Security-Policy");
        assertThat(policy)
                .contains("connect-src 'self' https://login.example.test:8443;")
                .contains("script-src 'self';", "form-action 'self';", "frame-ancestors 'none'")
                .doesNotContain("/realms/");
    }

    @Test
    void keepsTheApiBehindTheCredentials() {
        // When an API route is read without a key or token
        MvcTestResult result = mvc.get().uri("/users").exchange();

        // Then it is refused as before
        assertProblem(result, 401);
    }
}
