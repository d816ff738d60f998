package org.stockalerts.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardSignInSettingsTest {

    private static final DashboardSignInSettings CLIENT =
            new DashboardSignInSettings("dashboard", List.of("openid"), "", "");

    @Test
    void offersNothingWithoutAnIssuerOrWithoutAClientId() {
        assertThat(DashboardSignIn.of(null, CLIENT).oidc()).isNull();
        assertThat(DashboardSignIn.of("", CLIENT).oidc()).isNull();
        assertThat(DashboardSignIn.of(
                                "https://login.example.test",
                                new DashboardSignInSettings("", List.of("openid"), "X", ""))
                        .oidc())
                .isNull();
        assertThat(DashboardSignIn.of(null, CLIENT).connectOrigins()).isEmpty();
    }

    @Test
    void namesTheButtonAfterTheIssuersHostUnlessANameIsSet() {
        // Given an issuer with a path, and no name set
        DashboardSignIn signIn = DashboardSignIn.of("https://login.example.test/realms/stocks", CLIENT);

        // Then the button says the host, and the page may connect to the issuer's origin
        assertThat(signIn.oidc().name()).isEqualTo("login.example.test");
        assertThat(signIn.connectOrigins()).containsExactly("https://login.example.test");
        assertThat(signIn.oidc().tokenOrigin()).isEqualTo("https://login.example.test");
    }

    @Test
    void letsThePageReachATokenEndpointOnAnotherOriginWhenOneIsSet() {
        // Given an issuer whose token endpoint is elsewhere (as Google's), named as a browser would not write it
        DashboardSignIn signIn = DashboardSignIn.of(
                "https://accounts.google.test",
                new DashboardSignInSettings("dashboard", List.of("openid"), "", "HTTPS://OAuth2.GoogleApis.test:443/"));

        // Then the page may connect to both origins, written as URL.origin writes them
        assertThat(signIn.oidc().tokenOrigin()).isEqualTo("https://oauth2.googleapis.test");
        assertThat(signIn.connectOrigins())
                .containsExactly("https://accounts.google.test", "https://oauth2.googleapis.test");
    }

    @Test
    void refusesATokenOriginThatIsNoHttpOrigin() {
        for (String bad : List.of("oauth2.googleapis.test", "ftp://host.test", "https://user@host.test", "https://")) {
            assertThatThrownBy(() -> DashboardSignIn.of(
                            "https://login.example.test",
                            new DashboardSignInSettings("dashboard", List.of("openid"), "", bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("stockalerts.dashboard.oidc.token-origin");
        }
    }
}
