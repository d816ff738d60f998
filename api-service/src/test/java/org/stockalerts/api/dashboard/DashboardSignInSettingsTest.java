package org.stockalerts.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardSignInSettingsTest {

    private static final DashboardSignInSettings CLIENT =
            new DashboardSignInSettings("dashboard", List.of("openid"), "");

    @Test
    void offersNothingWithoutAnIssuerOrWithoutAClientId() {
        assertThat(DashboardSignIn.of(null, CLIENT).oidc()).isNull();
        assertThat(DashboardSignIn.of("", CLIENT).oidc()).isNull();
        assertThat(DashboardSignIn.of(
                                "https://login.example.test", new DashboardSignInSettings("", List.of("openid"), "X"))
                        .oidc())
                .isNull();
        assertThat(DashboardSignIn.of(null, CLIENT).issuerOrigin()).isEmpty();
    }

    @Test
    void namesTheButtonAfterTheIssuersHostUnlessANameIsSet() {
        // Given an issuer with a path, and no name set
        DashboardSignIn signIn = DashboardSignIn.of("https://login.example.test/realms/stocks", CLIENT);

        // Then the button says the host, and the page may connect to the issuer's origin
        assertThat(signIn.oidc().name()).isEqualTo("login.example.test");
        assertThat(signIn.issuerOrigin()).hasValue("https://login.example.test");
    }
}
