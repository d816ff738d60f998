package org.stockalerts.api.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockalerts.api.web.UnprocessableException;

class WebhookUrlPolicyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1", "0.0.0.0", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "100.127.255.254", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1", "224.0.0.1"
            })
    void treatsInternalAddressesAsInternal(String address) throws UnknownHostException {
        assertThat(WebhookUrlPolicy.isInternal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "100.128.0.1", "8.8.8.8", "2606:4700::1111"})
    void treatsPublicAddressesAsPublic(String address) throws UnknownHostException {
        assertThat(WebhookUrlPolicy.isInternal(InetAddress.getByName(address))).isFalse();
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
