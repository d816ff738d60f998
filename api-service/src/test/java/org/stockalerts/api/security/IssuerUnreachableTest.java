package org.stockalerts.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.stockalerts.api.web.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the issuer's keys or discovery document cannot be fetched, a token is answered 503 with Retry-After: the
 * server's condition, neither the client's fault (401) nor a 500; and the admin key never goes to the issuer. No
 * database is needed: no request here gets that far.
 */
class IssuerUnreachableTest {

    private final TestIssuer issuer = new TestIssuer();

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    @Test
    void answers503WhileTheJwkSetCannotBeFetched() throws Exception {
        // Given a decoder whose JWK set URI answers nothing
        JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + closedPort() + "/jwks.json")
                .build();

        // When a well-formed token arrives
        MockHttpServletResponse response = filter(decoder, issuer.token("frank"));

        // Then the answer is a 503 problem detail with Retry-After
        assertUnavailable(response);
    }

    @Test
    void answers503WhileTheIssuersDiscoveryDocumentCannotBeFetched() throws Exception {
        // Given a decoder built lazily from an issuer that answers nothing, as Spring Boot builds one from issuer-uri
        String unreachable = "http://127.0.0.1:" + closedPort() + "/issuer";
        JwtDecoder decoder = new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(unreachable));

        // When a well-formed token arrives
        MockHttpServletResponse response = filter(decoder, issuer.token("grace"));

        // Then the answer is a 503 problem detail with Retry-After
        assertUnavailable(response);
    }

    @Test
    void takesAnAdminKeyShapedLikeAJwtForTheAdminKeyWithoutAskingTheIssuer() throws Exception {
        // Given an admin key in the form of a JWT, and an issuer that answers nothing
        String adminKey = "operator.chosen.key";
        JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + closedPort() + "/jwks.json")
                .build();
        ApiKeyAuthenticationFilter filter = filter(decoder, new SecuritySettings(adminKey));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/users");
        request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + adminKey);
        AtomicBoolean passed = new AtomicBoolean();

        // When it is sent
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.set(true));

        // Then the operator is let in
        assertThat(passed).isTrue();
        assertThat(request.getAttribute(ApiKeyAuthenticationFilter.CALLER_ATTRIBUTE))
                .isEqualTo(Caller.administrator());
    }

    private static ApiKeyAuthenticationFilter filter(JwtDecoder decoder, SecuritySettings settings) {
        FederatedUsers noUsers = identity -> {
            throw new AssertionError("no user may be looked up for an unverified token");
        };
        return new ApiKeyAuthenticationFilter(
                null,
                null,
                settings,
                new ProblemResponses(JsonMapper.builder().build()),
                new JwtAuthenticator(decoder, new JwtSettings("sub"), TestIssuer.ISSUER, noUsers));
    }

    private static MockHttpServletResponse filter(JwtDecoder decoder, String token) throws Exception {
        ApiKeyAuthenticationFilter filter = filter(decoder, new SecuritySettings(""));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/users");
        request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean passed = new AtomicBoolean();
        filter.doFilter(request, response, (req, res) -> passed.set(true));
        assertThat(passed).as("request passed on").isFalse();
        return response;
    }

    private static void assertUnavailable(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("the token issuer's keys cannot be fetched");
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER))
                .isEqualTo(String.valueOf(ApiKeyAuthenticationFilter.ISSUER_UNREACHABLE_RETRY_AFTER_SECONDS));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
