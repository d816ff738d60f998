package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockalerts.testsupport.SsrfTargets;

class DestinationPolicyTest {

    private static DestinationPolicy policy(List<String> allowed, String resolvesTo) {
        return new DestinationPolicy(allowed, host -> new InetAddress[] {InetAddress.getByName(resolvesTo)});
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "::1",
                "fe80::1",
                "fd00:ec2::254",
                "fc00::1",
                "224.0.0.1",
                "::ffff:10.0.0.1"
            })
    void refusesHostsThatResolveToNonPublicAddresses(String address) {
        // Given a host name that resolves to a loopback, private, link-local, CGNAT, ULA or metadata address
        DestinationPolicy policy = policy(List.of(), address);

        // When a webhook to it is checked
        // Then it is refused for good, naming the address
        assertRefusal(policy, "https://hooks.example.com/alerts", SendResult.Kind.PERMANENT)
                .contains("non-public address");
    }

    @ParameterizedTest
    @MethodSource("org.stockalerts.testsupport.SsrfTargets#refusedUrls")
    void refusesEveryInternalDestinationTheApiRefusesToo(String url) {
        // Given the policy with no allowed hosts, resolving names as a hostile DNS server could
        DestinationPolicy policy = new DestinationPolicy(List.of(), SsrfTargets::resolve);

        // When a delivery to the URL is checked
        // Then it is not called
        assertThat(policy.check(url).allowed()).as(url).isFalse();
    }

    @Test
    void refusesPrivateAddressLiteralsAndPassesPublicOnesWithTheSystemResolver() {
        // Given the system resolver, which answers an address literal without a DNS query
        DestinationPolicy policy = new DestinationPolicy(List.of(), InetAddress::getAllByName);

        // When URLs naming addresses directly are checked
        // Then the private one is refused and the public one passes
        assertThat(refusal(policy, "http://192.168.0.10:8080/hook").kind()).isEqualTo(SendResult.Kind.PERMANENT);
        assertThat(refusal(policy, "http://[::1]:8080/hook").kind()).isEqualTo(SendResult.Kind.PERMANENT);
        assertThat(allowed(policy, "https://93.184.216.34/hook")).hasHost("93.184.216.34");
    }

    @Test
    void allowsPublicHostsAndAllowListedPrivateOnes() {
        // Given 127.0.0.1 and an internal host on the allow-list
        DestinationPolicy policy = new DestinationPolicy(List.of("127.0.0.1", "receiver.internal"), host -> {
            throw new UnknownHostException(host);
        });

        // When webhooks to them are checked
        // Then they pass without resolving
        assertThat(allowed(policy, "http://127.0.0.1:8080/hook")).hasPort(8080);
        assertThat(allowed(policy, "https://receiver.internal/hook")).hasHost("receiver.internal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "file:///etc/passwd", "gopher://example.com", "example.com/hook"})
    void refusesEverySchemeButHttpAndHttps(String url) {
        // When a URL with another scheme is checked
        // Then it is refused
        assertRefusal(policy(List.of(), "93.184.216.34"), url, SendResult.Kind.PERMANENT)
                .contains("http or https");
    }

    @Test
    void refusesCredentialsInTheUrlAndTreatsAnUnknownHostAsTemporary() {
        // Given a resolver that knows no host
        DestinationPolicy policy = new DestinationPolicy(List.of(), host -> {
            throw new UnknownHostException(host);
        });

        // Then credentials are refused for good and an unresolvable host is worth retrying
        assertRefusal(policy, "https://user:pw@hooks.example.com/x", SendResult.Kind.PERMANENT)
                .contains("credentials")
                .doesNotContain("pw");
        assertRefusal(policy, "https://nowhere.example.com/x", SendResult.Kind.RETRYABLE)
                .contains("does not resolve");
    }

    /** Asserts that {@code url} is refused as {@code kind}; continues with the refusal's error. */
    private static AbstractStringAssert<?> assertRefusal(DestinationPolicy policy, String url, SendResult.Kind kind) {
        SendResult refusal = refusal(policy, url);
        assertThat(refusal.kind()).as("%s refused as", url).isEqualTo(kind);
        return assertThat(refusal.error());
    }

    private static SendResult refusal(DestinationPolicy policy, String url) {
        DestinationPolicy.Verdict verdict = policy.check(url);
        assertThat(verdict.allowed()).as("%s is refused", url).isFalse();
        return verdict.refusal();
    }

    private static URI allowed(DestinationPolicy policy, String url) {
        DestinationPolicy.Verdict verdict = policy.check(url);
        assertThat(verdict.refusal()).as("%s is allowed", url).isNull();
        return verdict.uri();
    }
}
