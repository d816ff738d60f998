package org.stockalerts.api.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stockalerts.api.web.UnprocessableException;
import org.stockalerts.testsupport.SsrfTargets;

class WebhookUrlPolicyTest {

    @ParameterizedTest
    @MethodSource("org.stockalerts.testsupport.SsrfTargets#refusedUrls")
    void refusesEveryInternalDestinationTheDeliveryCheckRefusesToo(String url) {
        // Given the policy with no allowed hosts, resolving names as a hostile DNS server could
        WebhookUrlPolicy policy = new WebhookUrlPolicy(new WebhookSettings(List.of()), SsrfTargets::resolve);

        // When a channel is created with the URL
        // Then it is refused
        assertThatThrownBy(() -> policy.check(url)).isInstanceOf(UnprocessableException.class);
    }

    @Test
    void refusesAHostNameThatResolvesToAPrivateAddress() {
        // Given a name that resolves to a private address
        WebhookUrlPolicy policy = policy(List.of(), "10.0.0.7");

        // When a webhook URL uses it
        // Then it is refused
        assertThatThrownBy(() -> policy.check("https://hooks.internal.example/x"))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("internal");
    }

    @Test
    void acceptsAnInternalHostOnTheAllowList() {
        // Given the same host on the allow-list
        WebhookUrlPolicy policy = policy(List.of("Hooks.Internal.Example"), "10.0.0.7");

        // When a webhook URL uses it
        // Then it is accepted
        assertThat(policy.check("https://hooks.internal.example/x")).isEqualTo("https://hooks.internal.example/x");
    }

    @Test
    void refusesCredentialsInTheUrlAndUnresolvableHosts() {
        WebhookUrlPolicy resolving = policy(List.of(), "93.184.215.14");
        WebhookUrlPolicy unresolvable = new WebhookUrlPolicy(new WebhookSettings(List.of()), host -> {
            throw new UnknownHostException(host);
        });

        assertThatThrownBy(() -> resolving.check("https://user:pw@example.com/x"))
                .isInstanceOf(UnprocessableException.class);
        assertThatThrownBy(() -> unresolvable.check("https://nowhere.invalid/x"))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("resolve");
    }

    private static WebhookUrlPolicy policy(List<String> allowed, String resolvesTo) {
        return new WebhookUrlPolicy(
                new WebhookSettings(allowed), host -> new InetAddress[] {InetAddress.getByName(resolvesTo)});
    }
}
